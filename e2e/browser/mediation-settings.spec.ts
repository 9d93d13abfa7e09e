import { shanghaiDate, addDays } from '../../shared/domain/calendar/plain-date';
import { expect, seedTerminal, test } from '../fixtures';
import { APPLICANT, MEDIATOR, RESPONDENT, SUPERVISOR } from '../fixtures/mediation-seed';
import { RegisterDisputePage } from '../fixtures/pages/mediation';

test('a unit whose name gives no case-number abbreviation registers once the supervisor sets one', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  // 鹿城区五马街道便民服务中心 is too long to shorten by itself: no abbreviation until one is set.
  await seedTerminal(appUrl, [SUPERVISOR, MEDIATOR]);
  const today = shanghaiDate(Date.now());
  const register = new RegisterDisputePage(page);
  await page.goto(appUrl);

  // A mediator is told before typing, and whom to ask; the supervisor has no such menu item for them.
  await app.signIn.signIn(MEDIATOR);
  await app.shell.goTo('纠纷调解');
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await expect(page.getByText('尚未设置案号简称，暂不能登记')).toBeVisible();
  await expect(
    page.getByText('案号简称只有本单位负责人可以设置（左侧菜单“调解设置”）'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: '调解设置' })).toHaveCount(0);
  await app.shell.switchUser();

  // The supervisor fills the form, is refused with the way to the setting, and sets it.
  await app.signIn.signIn(SUPERVISOR);
  await app.shell.goTo('纠纷调解');
  await page.getByRole('link', { name: '登记纠纷' }).click();
  const facts = {
    type: '邻里',
    source: '当事人申请',
    summary: '被申请人加高院墙后雨水排入申请人院内。',
    occurredOn: addDays(today, -2),
    place: '鹿城区五马街道墨池坊',
    amountYuan: '3000',
    people: '2',
  };
  await register.fillFacts(facts);
  await register.fillPerson(0, APPLICANT);
  await register.fillPerson(1, RESPONDENT);
  await register.submit();
  const refusal = page.getByRole('alert').filter({ hasText: '未能登记' });
  await expect(refusal).toContainText('请本单位负责人在“调解设置”页面填写案号简称后再登记');
  await refusal.getByRole('link', { name: '前往“调解设置”填写案号简称' }).click();

  await expect(page.getByRole('heading', { name: '调解设置', level: 2 })).toBeVisible();
  const field = page.getByRole('textbox', { name: '案号简称' });
  await expect(field).toBeFocused();
  await field.fill('LC五马');
  await page.getByRole('button', { name: '保存案号简称' }).click();
  await expect(page.getByText('单位简称为 1 到 10 个汉字')).toBeVisible();
  await field.fill('鹿五马');
  await expect(page.getByText(`案号示例：（${today.slice(0, 4)}）鹿五马人调字第1号`)).toBeVisible();
  await field.press('Enter');
  await expect(page.getByText('案号简称已保存：鹿五马')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '尚未设置案号简称' })).toHaveCount(0);

  // Registered now, under the number the page promised.
  await app.shell.goTo('纠纷调解');
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await expect(page.getByText('尚未设置案号简称，暂不能登记')).toHaveCount(0);
  // What the refused registration held comes back as the supervisor's draft: nothing to type again.
  await expect(page.getByRole('status', { name: '草稿' })).toContainText('已恢复未完成的草稿');
  await expect(page.getByRole('textbox', { name: '纠纷简要情况' })).toHaveValue(facts.summary);
  await register.submit();
  await expect(
    page.getByRole('heading', { name: `（${today.slice(0, 4)}）鹿五马人调字第1号`, level: 2 }),
  ).toBeVisible();
});
