import ExcelJS from 'exceljs';
import {
  AGENT,
  CENTRE_SUPERVISOR,
  CLERK,
  FollowupsPage,
  RatingViewPage,
  StatsPage,
  apiCall,
  apiSignIn,
  expect,
  fileOnBehalf,
  seedAgencyTownship,
  seedTerminal,
  takeIn,
  test,
} from '../fixtures';
import { CaseSeeder, residentIdNumber } from '../fixtures/case-seed';

test('a resident rates 不满意 on the view turned toward them; the supervisor calls back', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedTerminal(appUrl, [CLERK, CENTRE_SUPERVISOR]);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const resident = await seed.resident('王阿婆', '1942-05-12', 12);
  const visit = await seed.acceptComplete(resident.id, '高龄津贴申领');
  await seed.signOut();

  const rating = new RatingViewPage(page);
  await app.openAs(appUrl, CLERK);
  await rating.open(visit.id);
  await expect(rating.heading).toBeVisible();
  await expect(page.getByText('高龄津贴申领 ·')).toBeVisible();
  // Nothing of the staff or the app around it: no menu, no user, no counter.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^用户菜单/ })).toHaveCount(0);
  await expect(page.getByText(CLERK.displayName)).toHaveCount(0);
  await expect(page.getByText('一号窗口')).toHaveCount(0);
  await expect(rating.level('非常满意')).toBeVisible();
  await expect(rating.level('非常不满意')).toBeVisible();

  // A level must be chosen; then 不满意 with a comment.
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByRole('alert')).toHaveText('请先点选一个满意程度');
  await rating.rate('不满意', '等了很久才轮到我');
  await expect(page.getByText(/负责人会在 15 个工作日内与您联系回访/)).toBeVisible();
  // Back at the clerk's screen on its own.
  await expect(page.getByRole('heading', { name: CLERK.displayName })).toBeVisible({
    timeout: 15_000,
  });

  // One rating per visit: the view opened again says so instead of asking.
  await rating.open(visit.id);
  await expect(page.getByRole('heading', { name: '本次办事已经评价过了' })).toBeVisible();
  await expect(page.getByText('每次办事只能评价一次')).toBeVisible();
  await expect(rating.level('满意')).toHaveCount(0);
  await page.getByRole('button', { name: '返回' }).click();
  await expect(page.getByRole('heading', { name: CLERK.displayName })).toBeVisible();

  // Recorded as the resident's rating, and a second one is refused by the backend too.
  const clerkToken = await apiSignIn(appUrl, CLERK);
  const rated = await apiCall(appUrl, 'cases.get', { caseId: visit.id }, clerkToken);
  expect(rated.rating).toMatchObject({ level: 'dissatisfied', comment: '等了很久才轮到我' });
  await expect(
    apiCall(appUrl, 'ratings.submit', { caseId: visit.id, level: 'satisfied' }, clerkToken),
  ).rejects.toThrow('RATING_EXISTS');

  await app.shell.switchUser();
  await app.signIn.signIn(CENTRE_SUPERVISOR);
  await app.shell.goTo('差评回访');
  const followups = new FollowupsPage(page);
  const row = followups.row(visit.caseNo);
  await expect(row).toContainText('不满意');
  await expect(row).toContainText('等了很久才轮到我');
  await expect(row).toContainText('王阿婆');
  await expect(row).toContainText('剩 15 个工作日');
  await followups.recordCallback(
    visit.caseNo,
    '电话回访申请人本人，已致歉，群众表示理解',
    '高峰时段增开一个窗口',
  );
  await expect(followups.row(visit.caseNo)).toHaveCount(0);
  await followups.show('已回访');
  await expect(followups.row(visit.caseNo)).toContainText(
    `${CENTRE_SUPERVISOR.displayName}：电话回访申请人本人，已致歉，群众表示理解（整改：高峰时段增开一个窗口）`,
  );
});

test('窗口统计 shows the period’s counts beside its charts and exports them to Excel', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedAgencyTownship(appUrl);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const clerk = await apiSignIn(appUrl, CLERK);
  const allowance = await seed.item('高龄津贴申领');
  const disability = await seed.item('残疾人证申领');
  const residents = await Promise.all(
    ['钱阿公', '孙阿婆', '李大伯', '周阿姨'].map((name, index) =>
      seed.resident(name, '1940-03-08', 31 + index),
    ),
  );
  const id = (index: number) => residents[index]!.id;
  const done = await takeIn(appUrl, clerk, id(0), allowance, 'complete');
  await apiCall(
    appUrl,
    'cases.transition',
    { caseId: done.id, action: 'complete', resultNote: '津贴已核发' },
    clerk,
  );
  const accepted = await takeIn(appUrl, clerk, id(1), allowance, 'complete');
  await takeIn(appUrl, clerk, id(2), disability, 'incomplete');
  await takeIn(appUrl, clerk, id(3), disability, 'not_ours');
  // The agent registers the fifth resident at the village and files on their behalf.
  const agent = await apiSignIn(appUrl, AGENT);
  const villager = await apiCall(
    appUrl,
    'residents.create',
    { name: '吴老伯', docType: 'resident_id', docNumber: residentIdNumber('1938-07-21', 51) },
    agent,
  );
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const filed = await fileOnBehalf(appUrl, agent, villager.id, allowance, today);
  await apiCall(appUrl, 'cases.transition', { caseId: filed.id, action: 'hand_over' }, agent);
  await apiCall(appUrl, 'cases.receive', { caseId: filed.id, materials: [] }, clerk);
  await apiCall(appUrl, 'ratings.submit', { caseId: done.id, level: 'very_satisfied' }, clerk);
  await apiCall(appUrl, 'ratings.submit', { caseId: accepted.id, level: 'dissatisfied' }, clerk);
  await seed.signOut();

  await app.openAs(appUrl, CENTRE_SUPERVISOR, '窗口统计');
  const stats = new StatsPage(page);
  const cards: [string, string][] = [
    ['收件', '5'],
    ['受理', '3'],
    ['办结', '1'],
    ['超期', '0'],
    ['补正', '1'],
    ['不予受理', '1'],
    ['按时办结率', '100.0%'],
    ['差评回访率', '0.0%'],
  ];
  for (const [label, value] of cards) {
    await expect(stats.card(label)).toContainText(value);
  }
  // 收件 办结 超期 补正 不予受理 按时办结率, by item and in total.
  await expect(stats.row('按事项统计', '高龄津贴申领').getByRole('cell')).toHaveText([
    '高龄津贴申领',
    '3',
    '1',
    '0',
    '0',
    '0',
    '100.0%',
  ]);
  await expect(stats.row('按事项统计', '残疾人证申领').getByRole('cell')).toHaveText([
    '残疾人证申领',
    '2',
    '0',
    '0',
    '1',
    '1',
    '—',
  ]);
  await expect(stats.row('代办量统计', '城东社区').getByRole('cell')).toHaveText([
    '城东社区',
    '1',
    '0',
  ]);
  await expect(stats.row('好差评统计', '非常满意').getByRole('cell')).toHaveText([
    '非常满意',
    '1',
    '50.0%',
  ]);
  await expect(stats.row('好差评统计', '不满意').getByRole('cell')).toHaveText([
    '不满意',
    '1',
    '50.0%',
  ]);
  await expect(page.getByText('差评 1 条，已回访 0 条，差评回访率 0.0%')).toBeVisible();
  // Charts are drawn beside the tables.
  await expect(
    page.getByRole('region', { name: '按事项' }).locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: '好差评' }).locator('.recharts-pie-sector').first(),
  ).toBeVisible();

  const download = await stats.exportExcel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const cells = (sheet: string) => {
    const values: unknown[][] = [];
    workbook.getWorksheet(sheet)!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    return values;
  };
  expect(cells('汇总').slice(2, 9)).toEqual([
    ['收件量', 5],
    ['受理量', 3],
    ['办结量', 1],
    ['按时办结量', 1],
    ['超期量', 0],
    ['补正量', 1],
    ['不予受理量', 1],
  ]);
  expect(cells('按事项')).toContainEqual(['高龄津贴申领', 3, 3, 1, 1, 0, 0, 0, 1]);
  expect(cells('代办')).toEqual([
    ['村（社区）', '代办件数', '逾期移交'],
    ['城东社区', 1, 0],
  ]);
  expect(cells('好差评')).toContainEqual(['不满意', 1]);

  // One item: every figure narrows to it.
  await stats.chooseItem('残疾人证申领');
  await expect(stats.card('收件')).toContainText('2');
  await expect(stats.card('补正')).toContainText('1');
  await expect(stats.row('代办量统计', '城东社区')).toHaveCount(0);
  await expect(page.getByText('本期间没有代办件')).toBeVisible();
});
