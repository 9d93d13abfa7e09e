import { addDays, shanghaiDate } from '../../shared/domain/calendar/plain-date';
import { expect, test } from '../fixtures';
import { ActionCounter } from '../fixtures/actions';
import { apiCall } from '../fixtures/api';
import { MEDIATOR, seedMediation, signInToken, SUPERVISOR } from '../fixtures/mediation-seed';

const APPLICANT = { idNumber: '330302197803122018', name: '陈国强', phone: '13957700001' };
/** Already in the resident register (一人一档) from an application at the counter. */
const RESPONDENT = { idNumber: '330302198207153023', name: '林美华' };

test('a new dispute with two parties is registered in at most 20 actions, and its case file opens at the top', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedMediation(appUrl);
  const supervisor = await signInToken(appUrl, SUPERVISOR);
  await apiCall(
    appUrl,
    'residents.create',
    { name: RESPONDENT.name, docType: 'resident_id', docNumber: RESPONDENT.idNumber },
    supervisor,
  );
  const today = shanghaiDate(Date.now());
  await app.openAs(appUrl, MEDIATOR, '纠纷调解');
  const act = new ActionCounter(page);

  await act.click(page.getByRole('link', { name: '登记纠纷' }), '登记纠纷');
  const type = page.getByRole('combobox', { name: '纠纷类型', exact: true });
  await expect(type).toBeFocused();
  await act.type('邻里', '纠纷类型');
  await act.press('Enter');
  await expect(type).toHaveValue('邻里');
  await expect(page.getByRole('combobox', { name: '纠纷来源', exact: true })).toHaveValue(
    '当事人申请',
  );
  await act.fill(
    page.getByRole('textbox', { name: '纠纷简要情况' }),
    '被申请人加高院墙后，雨水经院墙排入申请人院内，致厨房墙面受潮开裂。',
    '纠纷简要情况',
  );
  // Typed as digits only: 20261203.
  await act.fill(
    page.getByRole('textbox', { name: '发生日期', exact: true }),
    addDays(today, -3).replaceAll('-', ''),
    '发生日期',
  );
  await act.fill(page.getByRole('textbox', { name: '发生地点' }), '五马街道墨池坊', '发生地点');
  await expect(page.getByRole('textbox', { name: '发生日期', exact: true })).toHaveValue(
    addDays(today, -3),
  );

  const first = page.getByRole('group', { name: '第一位当事人' });
  await act.fill(first.getByRole('textbox', { name: '证件号码' }), APPLICANT.idNumber, '证件号码');
  await act.press('Enter');
  await expect(first.getByText('没有找到该证件的居民档案')).toBeVisible();
  await expect(first.getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await act.type(APPLICANT.name, '姓名');
  await act.fill(first.getByRole('textbox', { name: '联系电话' }), APPLICANT.phone, '联系电话');

  const second = page.getByRole('group', { name: '第二位当事人' });
  await act.fill(
    second.getByRole('textbox', { name: '证件号码' }),
    RESPONDENT.idNumber,
    '证件号码',
  );
  await act.press('Enter');
  await expect(second.getByText(`已找到居民档案：${RESPONDENT.name}`)).toBeVisible();
  await expect(second.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue(
    RESPONDENT.name,
  );

  await act.click(page.getByRole('button', { name: '登记', exact: true }), '登记');
  const heading = page.getByRole('heading', { name: /人调字第1号/, level: 2 });
  await expect(heading).toBeInViewport();
  await expect(page.getByRole('region', { name: '案件概况' })).toContainText('邻里纠纷');

  console.log(act.report('new dispute with two parties'));
  expect(act.count).toBeLessThanOrEqual(20);
});

test('dialogs: the calendar opens on demand, typed dates are taken, Escape closes only the innermost popup, and changes are asked about', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  const { mediators } = await seedMediation(appUrl);
  const token = await signInToken(appUrl, MEDIATOR);
  const today = shanghaiDate(Date.now());
  const { dispute } = await apiCall(
    appUrl,
    'mediation.register',
    {
      type: 'neighbour',
      source: 'application',
      summary: '两家因院墙排水问题发生争执',
      riskLevel: 'general',
      acceptNow: true,
      parties: [
        { kind: 'person', role: 'applicant', name: '张三' },
        { kind: 'person', role: 'respondent', name: '李四' },
      ],
    },
    token,
  );
  await apiCall(
    appUrl,
    'mediation.assignMediators',
    { disputeId: dispute.id, leadMediatorId: mediators[0]!.id },
    token,
  );
  await app.openAs(appUrl, MEDIATOR, '纠纷调解');

  // A registration refused for a field at the top: that field is brought into view and focused.
  await page.getByRole('link', { name: '登记纠纷' }).click();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const type = page.getByRole('combobox', { name: '纠纷类型', exact: true });
  await expect(page.getByText('请选择纠纷类型')).toBeVisible();
  await expect(type).toBeFocused();
  await expect(type).toBeInViewport();

  await app.shell.goTo('纠纷调解');
  await page.getByRole('link', { name: dispute.caseNo }).click();
  await expect(page.getByRole('heading', { name: dispute.caseNo, level: 2 })).toBeVisible();
  // Scrolled down to the outcome, the agreement form opens at its top all the same.
  const toAgreement = page.getByRole('link', { name: '填写调解协议' });
  await toAgreement.scrollIntoViewIfNeeded();
  expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
  await toAgreement.click();
  await expect(page.getByRole('heading', { name: '调解协议', level: 2 })).toBeInViewport();
  expect(await page.evaluate<number>('window.scrollY')).toBe(0);
  // Typed but not saved as the agreement's draft: kept as the mediator's own all the same.
  const facts = page.getByRole('textbox', { name: '纠纷主要事实' });
  const kept = page.waitForResponse(
    (r) => r.url().endsWith('/api/drafts.save') && (r.request().postData() ?? '').includes('院墙'),
  );
  await facts.fill('被申请人加高院墙后雨水排入申请人院内。');
  await kept;
  await page.getByRole('link', { name: `← 返回案卷 ${dispute.caseNo}` }).click();

  await page.getByRole('button', { name: '记录调解' }).click();
  const dialog = page.getByRole('dialog', { name: '记录第1次调解' });
  const heldOn = dialog.getByRole('textbox', { name: '调解日期', exact: true });
  const calendar = page.locator('[data-dates-dropdown]');
  // The date has the focus but its calendar stays shut: nothing covers 调解地点.
  await expect(heldOn).toBeFocused();
  await expect(calendar).toBeHidden();

  await heldOn.fill(addDays(today, -1).replaceAll('-', ''));
  await heldOn.press('Tab');
  await expect(heldOn).toHaveValue(addDays(today, -1));
  await heldOn.fill(today);
  await heldOn.press('Tab');
  await expect(heldOn).toHaveValue(today);

  await dialog.getByRole('button', { name: '调解日期：打开日历' }).click();
  await expect(calendar).toBeVisible();
  await expect(heldOn).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('session-calendar.png') });
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(heldOn).toHaveValue(today);

  const place = dialog.getByRole('textbox', { name: '调解地点' });
  await place.fill('五马街道人民调解室');
  await place.press('Escape');
  const question = page.getByRole('dialog', { name: '放弃已填写的内容？' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '继续填写' }).click();
  await expect(question).toBeHidden();
  await expect(place).toHaveValue('五马街道人民调解室');
  await place.press('Escape');
  await question.getByRole('button', { name: '放弃并关闭' }).click();
  await expect(dialog).toBeHidden();

  // Nothing typed: Escape closes it at once.
  await page.getByRole('button', { name: '记录调解' }).click();
  await expect(heldOn).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(question).toBeHidden();

  await page.getByRole('link', { name: '填写调解协议' }).click();
  await expect(page.getByRole('status', { name: '草稿' })).toContainText('已恢复未完成的草稿');
  await expect(facts).toHaveValue('被申请人加高院墙后雨水排入申请人院内。');
});

test('取消 in a dialog asks before dropping what was chosen, as Escape does: 指派调解员 and 记录调解', async ({
  page,
  appUrl,
  app,
}) => {
  const { mediators } = await seedMediation(appUrl);
  const token = await signInToken(appUrl, SUPERVISOR);
  const { dispute } = await apiCall(
    appUrl,
    'mediation.register',
    {
      type: 'neighbour',
      source: 'application',
      summary: '两家因宅基地界址发生争执',
      riskLevel: 'general',
      acceptNow: true,
      parties: [
        { kind: 'person', role: 'applicant', name: '王五' },
        { kind: 'person', role: 'respondent', name: '赵六' },
      ],
    },
    token,
  );
  await apiCall(
    appUrl,
    'mediation.assignMediators',
    { disputeId: dispute.id, leadMediatorId: mediators[0]!.id },
    token,
  );
  await app.openAs(appUrl, SUPERVISOR, '纠纷调解');
  await page.getByRole('link', { name: dispute.caseNo }).click();
  const question = page.getByRole('dialog', { name: '放弃已填写的内容？' });

  await page.getByRole('button', { name: '调整调解员' }).click();
  const assign = page.getByRole('dialog', { name: '指派调解员' });
  // Untouched, 取消 closes at once.
  await assign.getByRole('button', { name: '取消' }).click();
  await expect(assign).toBeHidden();
  await expect(question).toBeHidden();

  await page.getByRole('button', { name: '调整调解员' }).click();
  const helper = assign.getByRole('checkbox', { name: `${mediators[1]!.name}协助调解` });
  await helper.check();
  await assign.getByRole('button', { name: '取消' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '继续填写' }).click();
  await expect(helper).toBeChecked();
  await assign.getByRole('button', { name: '取消' }).click();
  await question.getByRole('button', { name: '放弃并关闭' }).click();
  await expect(assign).toBeHidden();
  // Dropped, not saved: the case still has its one mediator.
  await page.getByRole('button', { name: '调整调解员' }).click();
  await expect(helper).not.toBeChecked();
  await assign.getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '记录调解' }).click();
  const session = page.getByRole('dialog', { name: '记录第1次调解' });
  await session.getByRole('textbox', { name: '调解地点' }).fill('村调解室');
  await session.getByRole('button', { name: '取消' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '放弃并关闭' }).click();
  await expect(session).toBeHidden();
});
