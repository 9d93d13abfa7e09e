import { CLERK, IntakePage, apiCall, expect, seedTerminal, test } from '../fixtures';
import { SUPERVISOR, signInToken } from '../fixtures/mediation-seed';

// Issue 12 was tried at this size, through the screens only.
test.use({ viewport: { width: 1366, height: 768 } });

test('a 即办件 done at the window is handed out at once, and the supervisor’s 工作台 counts the day above the lists', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedTerminal(appUrl, [CLERK, SUPERVISOR]);
  await app.openAs(appUrl, CLERK);

  // The counter: a resident's medical-insurance registration, done on the spot.
  const intake = new IntakePage(page);
  await intake.open();
  await intake.lookUp('330302199003071231');
  await intake.register({ name: '周美华' });
  await intake.chooseItem('ZJ-XZ-0001', '城乡居民基本医疗保险参保登记');
  await intake.mark('居民身份证或户口簿', '已收取');
  await intake.mark('城乡居民基本医疗保险参保登记表', '已收取');
  const onSpot = page.getByRole('switch', { name: '即办件当场办结并交付' });
  await expect(onSpot).toBeChecked();
  const done = await intake.save('受理');
  expect(done.state).toBe('completed');
  expect(done.handedOutAt).not.toBeNull();
  // The resident rates the visit on the window's screen: not satisfied with the wait.
  const clerkToken = await signInToken(appUrl, CLERK);
  await apiCall(appUrl, 'ratings.submit', { caseId: done.id, level: 'dissatisfied' }, clerkToken);

  // The receipt is printed; back at the window nothing is left for the clerk to hand out.
  await expect(page.getByRole('article', { name: '受理回执' })).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();
  await app.shell.nav.getByRole('link', { name: '工作台' }).click();
  const handOut = page.getByRole('region', { name: '待领取或送达' });
  await expect(handOut).toContainText('没有待交付的办理结果');
  await app.shell.switchUser();

  await app.signIn.signIn(SUPERVISOR);
  const today = page.getByRole('region', { name: /^今日（\d{4}-\d{2}-\d{2}）$/ });
  await expect(today.getByRole('group', { name: '今日受理' })).toContainText('1件');
  await expect(today.getByRole('group', { name: '今日办结' })).toContainText('1件');
  await expect(today.getByRole('group', { name: '当前超期' })).toContainText('0件');
  await expect(today.getByRole('group', { name: '今日评价' })).toContainText('1件其中差评 1 件');
  const trend = page.getByRole('figure', { name: '近 8 周趋势（每周一至周日）' });
  await expect(trend).toBeVisible();
  await expect(trend).toContainText('本周');
  await expect(handOut).toContainText('没有待交付的办理结果');
  // The figures come first, the lists of what needs doing below them.
  const figuresBox = await today.boundingBox();
  const listBox = await handOut.boundingBox();
  expect(figuresBox!.y + figuresBox!.height).toBeLessThan(listBox!.y);
  await page.screenshot({ path: test.info().outputPath('supervisor-dashboard.png') });
});
