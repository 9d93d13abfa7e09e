import { expect, test } from '../fixtures';
import {
  TOWNSHIP_MEDIATOR,
  TOWNSHIP_NAME,
  VILLAGE_AGENT,
  VILLAGE_NAME,
  seedCommittees,
} from '../fixtures/mediation-api';
import { EventReportsPage } from '../fixtures/pages/event-reports';

/** A 2×2 PNG photo, small but real: the backend checks the first bytes against the type. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

test('a village reports a hazard with a photo and the township signs for it', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedCommittees(appUrl);
  const reports = new EventReportsPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });

  await app.openAs(appUrl, VILLAGE_AGENT, '事件报告');
  await reports.fillReport({
    category: '安全隐患',
    urgency: '紧急',
    title: '东门河堤渗水',
    description: '东门河堤多处渗水，已拉设警戒线，请街道安排水利站查看。',
    place: '东门河堤',
    people: 30,
  });
  // A file of another kind is refused by its field before anything is sent.
  await reports.chooseFiles([
    { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('河堤情况') },
  ]);
  await reports.submit();
  await expect(
    reports.dialog.getByText('“说明.txt”不是 JPG、PNG、WebP 图片或 PDF 文件'),
  ).toBeVisible();
  await reports.chooseFiles([{ name: '河堤照片.png', mimeType: 'image/png', buffer: PHOTO }]);
  await page.screenshot({ path: test.info().outputPath('event-report-form.png') });
  await reports.submit();

  await expect(page.getByRole('heading', { name: '东门河堤渗水', level: 2 })).toBeVisible();
  const attachments = reports.section('附件（1）');
  await expect(attachments.getByRole('img', { name: '河堤照片.png' })).toBeVisible();
  await expect(reports.section('签收情况')).toContainText(`${TOWNSHIP_NAME}尚未签收`);
  await expect(page.getByRole('group', { name: '接收单位' })).toContainText(TOWNSHIP_NAME);
  await expect(page.getByRole('group', { name: '涉及人数' })).toContainText('30 人');
  await app.shell.switchUser();

  await app.signIn.signIn(TOWNSHIP_MEDIATOR);
  await page.getByRole('link', { name: '1 份事件报告待签收' }).click();
  await expect(page.getByRole('heading', { name: '事件报告', level: 2 })).toBeVisible();
  await expect(reports.row('东门河堤渗水')).toContainText(VILLAGE_NAME);
  await expect(reports.row('东门河堤渗水')).toContainText('待签收');
  await expect(reports.row('东门河堤渗水')).toContainText('附件 1 个');
  await reports.open('东门河堤渗水');
  const photo = reports.section('附件（1）').getByRole('img', { name: '河堤照片.png' });
  await expect(photo).toBeVisible();
  // The picture really arrived: the browser decoded the file the backend sent.
  expect(await photo.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBe(2);
  await page.screenshot({
    path: test.info().outputPath('event-report-detail.png'),
    fullPage: true,
  });
  await reports.acknowledge('已通知水利站，今日下午到场查看');
  await expect(reports.section('签收情况')).toContainText(
    `${TOWNSHIP_NAME} ${TOWNSHIP_MEDIATOR.displayName} 于`,
  );
  await expect(reports.section('签收情况')).toContainText('已通知水利站，今日下午到场查看');
  await expect(page.getByRole('button', { name: '签收', exact: true })).toHaveCount(0);
  await app.shell.goTo('事件报告');
  await expect(reports.row('东门河堤渗水')).toContainText('已签收');
  await app.shell.switchUser();

  // The village sees that it was signed for, and can no longer add files to what was received.
  await app.signIn.signIn(VILLAGE_AGENT);
  await app.shell.goTo('事件报告');
  await expect(reports.row('东门河堤渗水')).toContainText('已签收');
  await reports.open('东门河堤渗水');
  await expect(reports.section('签收情况')).toContainText('已通知水利站');
  await expect(page.getByRole('button', { name: '添加附件' })).toHaveCount(0);
});
