import { apiCall, expect, test } from '../fixtures';
import {
  COLLEAGUES,
  TOWNSHIP_MEDIATOR,
  TOWNSHIP_SUPERVISOR,
  VILLAGE_AGENT,
  VILLAGE_MEDIATOR,
  recordAgreement,
  recordFailure,
  recordSession,
  registerDispute,
  seedCommittees,
  today,
} from '../fixtures/mediation-api';
import { MediationRisksPage } from '../fixtures/pages/mediation-risks';
import { MediationStatsPage, sheetRows } from '../fixtures/pages/mediation-stats';

test('the statistics count each case where it was resolved and leave event reports out', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  const committees = await seedCommittees(appUrl);
  const village = await committees.token(VILLAGE_MEDIATOR);
  const township = await committees.token(TOWNSHIP_MEDIATOR);

  // Resolved in the village: 5,000 元.
  const atVillage = await registerDispute(committees, village);
  await recordSession(committees, village, atVillage, committees.villageMediatorId, true);
  await recordAgreement(committees, village, atVillage);
  // Resolved in the township: 20,000 元; and a failure there: 1,000 元.
  const atTownship = await registerDispute(committees, township, { amountFen: 2_000_000 });
  await recordSession(committees, township, atTownship, committees.townshipMediatorId, true);
  await recordAgreement(committees, township, atTownship);
  const failed = await registerDispute(
    committees,
    township,
    { type: 'labour', source: 'hotline_12345', amountFen: 100_000 },
    COLLEAGUES,
  );
  await recordSession(committees, township, failed, committees.townshipMediatorId);
  await recordFailure(committees, township, failed);
  // An event report from the village: reported, never counted.
  await apiCall(
    appUrl,
    'eventReports.create',
    { category: 'safety_hazard', title: '河堤渗水', description: '东门河堤多处渗水' },
    await committees.token(VILLAGE_AGENT),
  );

  await page.setViewportSize({ width: 1366, height: 768 });
  await app.openAs(appUrl, TOWNSHIP_SUPERVISOR, '调解统计');
  const stats = new MediationStatsPage(page);

  await expect(stats.figure('受理')).toContainText('3 件');
  await expect(stats.figure('调解成功')).toContainText('2 件');
  await expect(stats.figure('调解成功')).toContainText('调结 3 件');
  await expect(stats.figure('调解成功率')).toContainText('66.7%');
  await expect(stats.figure('涉及金额')).toContainText('26,000.00 元');
  await expect(stats.levelShare('村（社区）')).toContainText(/1\s*50\.0%/);
  await expect(stats.levelShare('乡镇（街道）')).toContainText(/1\s*50\.0%/);
  await expect(stats.levelShare('县级中心')).toContainText(/0\s*0\.0%/);
  await expect(stats.eventReportsNote).toContainText('事件报告不计入统计');
  await expect(stats.eventReportsNote).toContainText('不计入受理数、调解成功数和调解成功率');
  await expect(stats.eventReportsNote).toContainText('共报送事件报告 1 件');

  await stats.showTable('按纠纷类型');
  await expect(stats.tableRow('邻里')).toContainText('100.0%');
  await expect(stats.tableRow('邻里')).toContainText('25,000.00 元');
  await expect(stats.tableRow('劳动争议')).toContainText('0.0%');
  await page.screenshot({ path: test.info().outputPath('stats-1366.png'), fullPage: true });

  const { download, sheet } = await stats.exportExcel();
  const month = today().slice(0, 7);
  expect(download.suggestedFilename()).toBe(`人民调解统计月报_${'东城街道'}_${month}.xlsx`);
  expect(sheet.getCell('A1').text).toBe('东城街道人民调解工作统计月报表');
  // 合计 rows of the three blocks: 本月 and 本年累计 of 受理, 调结, 调解成功, 成功率 …
  const totals = sheetRows(sheet, '合计');
  expect(totals).toHaveLength(3);
  for (const row of totals) {
    expect([2, 3, 4, 5, 6, 7].map((column) => row.getCell(column).value)).toEqual([
      3, 3, 3, 3, 2, 2,
    ]);
    expect(row.getCell(8).value).toBeCloseTo(2 / 3);
    expect(row.getCell(14).value).toBe(26_000);
  }
  expect(sheetRows(sheet, '邻里')[0]!.getCell(2).value).toBe(2);
  expect(sheetRows(sheet, '劳动争议')[0]!.getCell(6).value).toBe(0);
  const [villageShare] = sheetRows(sheet, '村（社区）').slice(-1);
  expect([2, 3].map((column) => villageShare!.getCell(column).value)).toEqual([1, 0.5]);
  const notes: string[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(1).text.startsWith('说明')) notes.push(row.getCell(1).text);
  });
  expect(notes[0]).toContain('事件报告');
  expect(notes[0]).toContain('本月事件报告 1 件');

  // The same cases on the early-warning list: the same two parties twice in twelve months.
  await app.shell.goTo('风险预警');
  const risks = new MediationRisksPage(page);
  await expect(risks.row(atTownship.caseNo)).toContainText('同一当事人12个月内2起以上');
  await expect(risks.row(atTownship.caseNo)).toContainText(
    '当事人张三近12个月内涉及2起纠纷（含本案）',
  );
  await expect(risks.row(atTownship.caseNo)).not.toContainText('涉及金额达到预警线');
  // The supervisor sets an amount threshold; the 20,000 元 case is flagged, the 5,000 元 one is not.
  await risks.setAmountThreshold(10_000);
  await expect(risks.row(atTownship.caseNo)).toContainText('涉及金额20000元，达到预警线10000元');
  await risks.filterByRule(/^涉及金额达到预警线/);
  await expect(risks.rows.filter({ has: page.getByRole('link') })).toHaveCount(1);
  await expect(risks.row(atTownship.caseNo)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('risks-1366.png'), fullPage: true });
});
