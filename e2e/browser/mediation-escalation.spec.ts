import { apiCall, expect, pageCount, printedText, test } from '../fixtures';
import {
  NEIGHBOURS,
  TOWNSHIP_MEDIATOR,
  TOWNSHIP_NAME,
  VILLAGE_MEDIATOR,
  VILLAGE_NAME,
  recordAgreement,
  recordFailure,
  recordSession,
  registerDispute,
  seedCommittees,
  today,
} from '../fixtures/mediation-api';
import { DisputeAftercarePage } from '../fixtures/pages/mediation-followup';

/** 2026-12-28 → 2026年12月28日, as dates are written on paper. */
function paperDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('a failed village dispute goes up to the township, is resolved there and the village reads the outcome', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  const committees = await seedCommittees(appUrl);
  const village = await committees.token(VILLAGE_MEDIATOR);
  const dispute = await registerDispute(committees, village, {
    type: 'house_homestead',
    summary: '两家因宅基地界址发生争执，多次调解未果',
  });
  await recordSession(committees, village, dispute, committees.villageMediatorId);
  await recordFailure(committees, village, dispute);

  const file = new DisputeAftercarePage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(appUrl);

  // The village committee passes the failed case up through the 上交 section.
  await app.signIn.signIn(VILLAGE_MEDIATOR);
  await file.open(dispute.id);
  await file.escalate('涉及宅基地确权，需街道协调国土所共同调处');
  const notice = file.section('上交');
  await expect(notice).toContainText('本案已上交，本单位只能查看');
  await expect(notice).toContainText(`现由乡镇（街道）${TOWNSHIP_NAME}承办，当前状态：已上交`);
  await expect(notice).toContainText('处理结果：尚未办结');
  await expect(notice).toContainText(
    `${VILLAGE_NAME}（${VILLAGE_MEDIATOR.displayName}）上交${TOWNSHIP_NAME}：涉及宅基地确权`,
  );
  await expect(page.getByRole('button', { name: '上交上级' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '修改登记' })).toHaveCount(0);
  await app.shell.switchUser();

  // The township finds it on its 工作台, waiting to be accepted.
  await app.signIn.signIn(TOWNSHIP_MEDIATOR);
  const waiting = page.getByRole('region', { name: '待受理' });
  await expect(waiting).toContainText('下级上交，待本单位受理');
  await waiting.getByRole('link', { name: dispute.caseNo }).click();
  await expect(page.getByRole('heading', { name: dispute.caseNo, level: 2 })).toBeVisible();
  await expect(file.section('上交')).toContainText('涉及宅基地确权');

  // Accepted, mediated and agreed at the township (through the API: that is not this spec's screen).
  const township = await committees.token(TOWNSHIP_MEDIATOR);
  await apiCall(appUrl, 'mediation.accept', { disputeId: dispute.id }, township);
  const accepted = await apiCall(appUrl, 'mediation.get', { disputeId: dispute.id }, township);
  await recordSession(committees, township, accepted, committees.townshipMediatorId, true);
  await recordAgreement(committees, township, accepted);
  await page.reload();

  // 司法确认 through its section: the window, the application, then the cover sheet on paper.
  const judicial = file.section('司法确认');
  const lastDay = addDays(today(), 30);
  await expect(judicial).toContainText(`截至 ${lastDay}`);
  await expect(judicial).toContainText('还剩 30 天');
  await expect(judicial).toContainText('尚未记录当事人是否申请');
  await file.recordJudicialApplication({
    appliedOn: today(),
    court: '永嘉县人民法院',
    result: '待法院裁定',
  });
  await expect(judicial).toContainText('已在期限内申请');
  await expect(judicial.getByText('受理法院').locator('..')).toContainText('永嘉县人民法院');
  await expect(judicial.getByText('法院裁定').locator('..')).toContainText('待法院裁定');
  await page.screenshot({ path: test.info().outputPath('case-file-township.png'), fullPage: true });

  await judicial.getByRole('link', { name: '打印申请材料清单' }).click();
  const cover = page.getByRole('article', { name: '人民调解协议司法确认申请材料清单' });
  await expect(cover).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('judicial-cover.png'), fullPage: true });
  const text = await printedText(page, '司法确认申请材料清单');
  expect(pageCount(text)).toBe(1);
  expect(text).toContain('人民调解协议司法确认申请材料清单');
  expect(text).toContain(`编号：${dispute.caseNo}`);
  expect(text).toMatch(/调解组织\s+东城街道人民调解委员会/);
  expect(text).toMatch(
    new RegExp(`当事人\\s+申请人${NEIGHBOURS.applicant}；被申请人${NEIGHBOURS.respondent}`),
  );
  expect(text).toMatch(new RegExp(`协议签订日期\\s+${paperDate(today())}`));
  expect(text).toMatch(new RegExp(`协议生效日期\\s+${paperDate(today())}`));
  expect(text).toMatch(new RegExp(`申请截止日期\\s+${paperDate(lastDay)}（尚余30日）`));
  expect(text).toMatch(/受理法院\s+永嘉县人民法院/);
  for (const material of [
    '司法确认申请书（双方当事人共同签名）',
    '人民调解协议书',
    '各方当事人的身份证明',
    '送达地址确认书',
  ]) {
    expect(text).toContain(material);
  }
  expect(text).toContain('三十日内');
  await page.getByRole('button', { name: '返回' }).click();

  // 回访 and 结案 through their sections.
  await file.recordFollowUp({
    visitedOn: today(),
    performance: '已履行',
    satisfaction: '满意',
    renewedConflict: false,
    note: '赔偿款已转账，排水管已改道',
  });
  const visit = file.section('回访').getByRole('article', { name: '第1次回访' });
  await expect(visit).toContainText('已回访');
  await expect(visit).toContainText('已履行');
  await expect(visit).toContainText('未见反复');
  await file.close('协议已履行完毕，回访满意');
  await expect(file.section('结案')).toContainText(
    `已于 ${today()} 结案：协议已履行完毕，回访满意`,
  );
  await app.shell.switchUser();

  // The village still reads the case, now with the township's outcome, and can change nothing.
  await app.signIn.signIn(VILLAGE_MEDIATOR);
  await file.open(dispute.id);
  await expect(notice).toContainText('当前状态：已结案');
  await expect(notice).toContainText(`处理结果：调解成功（${today()}）`);
  await expect(notice).toContainText(`已于 ${today()} 达成调解协议`);
  await expect(file.section('司法确认')).toContainText('永嘉县人民法院');
  await expect(page.getByRole('button', { name: '记录司法确认' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '打印申请材料清单' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '结案' })).toHaveCount(0);
  await page.screenshot({
    path: test.info().outputPath('case-file-village-reader.png'),
    fullPage: true,
  });
});
