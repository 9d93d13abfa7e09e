import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  AppShellPage,
  CLERK,
  expect,
  RatingViewPage,
  SignInPage,
  seedTerminal,
  test,
} from '../fixtures';
import { backdateAcceptance, CaseSeeder } from '../fixtures/case-seed';
import {
  seedCommittees,
  today,
  TOWNSHIP_SUPERVISOR,
  VILLAGE_AGENT,
  VILLAGE_NAME,
} from '../fixtures/mediation-api';
import { CaseDetailPage, CaseListPage } from '../fixtures/pages/cases';

/** A 1×1 PNG: a scan as small as a file can be while still being an image. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A clerk with one accepted 高龄津贴 case, signed in and looking at it. */
async function openAcceptedCase(page: Page, appUrl: string) {
  await seedTerminal(appUrl, [{ account: CLERK, role: 'clerk' }]);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const resident = await seed.resident(SIMA.name, SIMA.birth, 11);
  const accepted = await seed.acceptComplete(resident.id, SIMA.item);
  await seed.signOut();
  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
  await new AppShellPage(page).goTo('案件');
  await new CaseListPage(page).open(accepted.caseNo);
  return accepted;
}

/** Residents whose names the searches aim at, and their items. */
const SIMA = { name: '司马青云', birth: '1948-03-12', item: '高龄津贴申领' };
const OUYANG = { name: '欧阳秀英', birth: '1952-07-01', item: '困难残疾人生活补贴' };

test.describe('案件 list', () => {
  test('search by two characters, pinyin initials and part of the number; page; export', async ({
    page,
    appUrl,
  }) => {
    test.slow();
    await seedTerminal(appUrl, [{ account: CLERK, role: 'clerk' }]);
    const seed = await CaseSeeder.signIn(appUrl, CLERK);
    const sima = await seed.resident(SIMA.name, SIMA.birth, 11);
    const ouyang = await seed.resident(OUYANG.name, OUYANG.birth, 22);
    const simaCase = await seed.acceptComplete(sima.id, SIMA.item);
    // 24 more cases: two pages of 20 in all.
    const others = [];
    for (let n = 0; n < 24; n += 1) {
      others.push(await seed.acceptComplete(ouyang.id, OUYANG.item));
    }
    await seed.signOut();

    await page.goto(appUrl);
    await new SignInPage(page).signIn(CLERK);
    await new AppShellPage(page).goTo('案件');
    const list = new CaseListPage(page);

    await expect(list.paginationText).toHaveText('第 1–20 条，共 25 条');
    await expect(list.rows).toHaveCount(20);
    // Newest first: the last case taken in heads the list.
    expect((await list.caseNumbers())[0]).toBe(others.at(-1)!.caseNo);
    await list.goToPage('下一页');
    await expect(list.paginationText).toHaveText('第 21–25 条，共 25 条');
    await expect(list.rows).toHaveCount(5);
    await expect(list.row(simaCase.caseNo)).toBeVisible();
    // 下一页 went from page 1's last row (anchored); 上一页 comes back to the same first page.
    await list.goToPage('上一页');
    await expect(list.paginationText).toHaveText('第 1–20 条，共 25 条');
    expect((await list.caseNumbers())[0]).toBe(others.at(-1)!.caseNo);

    await list.search('司马');
    await expect(list.rows).toHaveCount(1);
    await expect(list.row(simaCase.caseNo)).toContainText(SIMA.name);
    await expect(list.row(simaCase.caseNo)).toContainText(SIMA.item);
    await expect(list.row(simaCase.caseNo)).toContainText('已受理');

    await list.search('smqy');
    await expect(list.rows).toHaveCount(1);
    await expect(list.row(simaCase.caseNo)).toBeVisible();

    const target = others[6]!;
    // The date and sequence at the end, with its dash, as a clerk reads it off a receipt.
    const tail = target.caseNo.slice(-9);
    await list.search(tail);
    await expect(list.rows).toHaveCount(1);
    await expect(list.row(target.caseNo)).toContainText(OUYANG.name);

    await list.search('司');
    await expect(page.getByText('请至少输入 2 个汉字，例如申请人姓名或事项名称')).toBeVisible();
    await expect(page.getByText('没有符合条件的案件')).toBeVisible();
    await expect(list.rows.getByRole('link')).toHaveCount(0);

    await list.search('欧阳');
    await expect(list.paginationText).toHaveText('第 1–20 条，共 24 条');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^案件清单-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('案件清单')!;
    const values = sheet.getSheetValues().slice(2) as unknown[][];
    // Every filtered case, not just the page on screen; no one else's.
    expect(values).toHaveLength(24);
    expect(new Set(values.map((row) => row[1]))).toEqual(new Set(others.map((c) => c.caseNo)));
    for (const row of values) {
      expect(row.slice(2, 6)).toEqual([
        OUYANG.item,
        OUYANG.name,
        expect.stringMatching(/^330302\*+\d{3}[\dX]$/),
        '已受理',
      ]);
    }
  });
});

test.describe('case detail', () => {
  test('a case moves through 办理中 to 已办结 with notes, and the timeline shows each step', async ({
    page,
    appUrl,
  }) => {
    const accepted = await openAcceptedCase(page, appUrl);
    const detail = new CaseDetailPage(page);
    await expect(page.getByText(`${SIMA.item}（第 1 版受理）`)).toBeVisible();
    await expect(page.getByText(/^330302\*+\d{3}[\dX]$/)).toBeVisible();
    await expect(detail.actions.getByRole('button')).toHaveText([
      '要求补正',
      '开始办理',
      '办结',
      '退回',
      '撤回',
    ]);
    await expect(detail.rateButton).toBeVisible();
    await expect(page.getByRole('link', { name: '打印受理回执' })).toHaveAttribute(
      'href',
      `#/print/cases/${accepted.id}/receipt`,
    );
    // A print counted on the paper's page shows on the case page it returns to.
    await page.evaluate('window.print = () => {}');
    await page.getByRole('link', { name: '打印受理回执' }).click();
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/print.record'));
    // No counter phone was set on this terminal: the paper says so before it prints.
    await expect(page.getByRole('alert', { name: '这份文书还不完整' })).toContainText(
      '窗口电话未设置',
    );
    await page.getByRole('button', { name: '仍要打印', exact: true }).click();
    await recorded;
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page.getByRole('link', { name: '打印受理回执' })).toContainText('已打印 1 次');

    await detail.act('开始办理', '材料已转民政办审核');
    await expect(page.getByRole('main').getByText('办理中', { exact: true })).toBeVisible();
    await expect(detail.actions.getByRole('button')).toHaveText([
      '要求补正',
      '办结',
      '退回',
      '撤回',
    ]);

    await detail.act('办结', '审核通过，津贴自下月起发放');
    await expect(page.getByRole('main').getByText('已办结', { exact: true }).first()).toBeVisible();
    await expect(detail.actions.getByRole('button')).toHaveText(['登记送达']);
    await expect(page.getByRole('link', { name: '打印办结通知' })).toBeVisible();

    await expect(detail.timeline).toHaveCount(3);
    await expect(detail.timeline.nth(0)).toContainText('窗口收件：已受理');
    await expect(detail.timeline.nth(1)).toContainText('开始办理');
    await expect(detail.timeline.nth(1)).toContainText(CLERK.displayName);
    await expect(detail.timeline.nth(1)).toContainText('材料已转民政办审核');
    await expect(detail.timeline.nth(2)).toContainText('办结');
    await expect(detail.timeline.nth(2)).toContainText('办结。审核通过，津贴自下月起发放');
    await expect(page.getByRole('region', { name: '办理结果' })).toContainText(
      '审核通过，津贴自下月起发放',
    );

    // A reason is required to turn a case away: the modal says so before anything is sent.
    await detail.act('登记送达', '申请人本人到窗口领取');
    await expect(detail.actions).toHaveCount(0);
    await expect(detail.timeline.nth(3)).toContainText(
      '已在窗口将结果交给申请人。申请人本人到窗口领取',
    );

    // The clerk turns the screen to the resident, who rates the visit; the case page comes back.
    await detail.rateButton.click();
    await new RatingViewPage(page).rate('满意', '办得很快');
    await page.getByRole('status').getByRole('button', { name: '返回' }).click();
    await expect(detail.heading(accepted.caseNo)).toBeVisible();
    await expect(page.getByRole('button', { name: '群众已评价' })).toBeDisabled();
    await expect(detail.rateButton).toHaveCount(0);
    await expect(detail.fact('好差评')).toContainText('满意：办得很快');
  });

  test('a scan attached to a checklist material is listed there and opens', async ({
    page,
    appUrl,
  }) => {
    await openAcceptedCase(page, appUrl);
    const detail = new CaseDetailPage(page);
    const form = detail.material('高龄津贴申领表');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      form.getByRole('button', { name: '上传文件：高龄津贴申领表' }).click(),
    ]);
    await chooser.setFiles({ name: '申领表扫描件.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expect(form.getByRole('button', { name: '图片：申领表扫描件.png' })).toBeVisible();
    // Only on that material.
    await expect(
      detail.material('老年人户口簿').getByRole('button', { name: /^图片/ }),
    ).toHaveCount(0);

    await form.getByRole('button', { name: '图片：申领表扫描件.png' }).click();
    const viewer = page.getByRole('dialog', { name: '申领表扫描件.png' });
    await expect(viewer.getByRole('img', { name: '申领表扫描件.png' })).toHaveJSProperty(
      'naturalWidth',
      1,
    );
    await page.keyboard.press('Escape');

    // A file whose content is not what its type says is refused with the backend's message.
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      form.getByRole('button', { name: '上传文件：高龄津贴申领表' }).click(),
    ]);
    await again.setFiles({
      name: '假图片.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a png'),
    });
    await expect(page.getByText(/文件内容与所选类型（PNG 图片）不符/)).toBeVisible();
    await expect(form.getByRole('button', { name: /^图片/ })).toHaveCount(1);
  });

  test('without a camera the clerk is told so in Chinese', async ({ page, appUrl }) => {
    await openAcceptedCase(page, appUrl);
    await new CaseDetailPage(page)
      .material('老年人户口簿')
      .getByRole('button', { name: '拍照：老年人户口簿' })
      .click();
    const dialog = page.getByRole('dialog', { name: '拍照：老年人户口簿' });
    // This browser has no video device at all.
    await expect(dialog.getByRole('alert')).toContainText(
      '未检测到摄像头（高拍仪）。请检查高拍仪的 USB 连接线后点“重试”，或改用“上传文件”。',
    );
    await expect(dialog.getByRole('button', { name: '重试' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: '拍照' })).toHaveCount(0);
  });
});

test('the 高拍仪 refused, then allowed: photograph a material, retake, save, see it on the material', async ({
  playwright,
  launchOptions,
  appUrl,
}) => {
  // A browser of its own to launch, and a 5-megapixel frame to encode twice.
  test.slow();
  // Chromium's fake camera (a moving test pattern), for this test alone. Camera permission is not
  // granted at first (as when Windows' privacy settings block it), then granted, as
  // --use-fake-ui-for-media-stream would, but only once the refusal has been seen.
  const browser = await playwright.chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), '--use-fake-device-for-media-stream'],
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await openAcceptedCase(page, appUrl);
    const book = new CaseDetailPage(page).material('老年人户口簿');
    await book.getByRole('button', { name: '拍照：老年人户口簿' }).click();
    const dialog = page.getByRole('dialog', { name: '拍照：老年人户口簿' });
    await expect(dialog.getByRole('alert')).toContainText(
      '摄像头（高拍仪）的使用权限被拒绝。请在系统的隐私设置中允许本程序使用摄像头后点“重试”',
    );
    await context.grantPermissions(['camera'], { origin: new URL(appUrl).origin });
    await dialog.getByRole('button', { name: '重试' }).click();

    const video = dialog.getByLabel('摄像头实时画面');
    const videoWidth = () =>
      video.evaluate((v: unknown) => (v as unknown as { videoWidth: number }).videoWidth);
    await expect.poll(videoWidth, { timeout: 30_000 }).toBeGreaterThan(0);

    await dialog.getByRole('button', { name: '拍照' }).click();
    await expect(dialog.getByRole('img', { name: '老年人户口簿的照片' })).toBeVisible();
    await dialog.getByRole('button', { name: '重拍' }).click();
    await expect.poll(videoWidth, { timeout: 30_000 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: '拍照' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    const photo = book.getByRole('button', { name: /^图片：老年人户口簿-拍照-\d{8}-\d{6}\.jpg$/ });
    await expect(photo).toBeVisible();
    await photo.click();
    const viewer = page.getByRole('dialog', { name: /^老年人户口簿-拍照-/ });
    // The fake camera's frame at its own resolution, stored and read back as a JPEG.
    await expect
      .poll(() =>
        viewer
          .getByRole('img', { name: /^老年人户口簿-拍照-/ })
          .evaluate((img: unknown) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(100);
  } finally {
    await browser.close();
  }
});

test('the 工作台 shows an overdue case and one waiting for 补正, each opening its case', async ({
  page,
  appUrl,
  dataDir,
}) => {
  await seedTerminal(appUrl, [{ account: CLERK, role: 'clerk' }]);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const sima = await seed.resident(SIMA.name, SIMA.birth, 11);
  const ouyang = await seed.resident(OUYANG.name, OUYANG.birth, 22);
  const late = await seed.acceptComplete(sima.id, SIMA.item);
  const onTime = await seed.acceptComplete(ouyang.id, OUYANG.item);
  const waiting = await seed.takeInIncomplete(ouyang.id, SIMA.item);
  await seed.signOut();
  // Accepted six weeks ago: its five working days ran out long since.
  backdateAcceptance(dataDir, late.id, 42);

  await page.goto(appUrl);
  await new SignInPage(page).signIn(CLERK);
  const widgets = page.getByRole('region', { name: '一窗受理' });
  const overdue = widgets.getByRole('region', { name: '已超期' });
  await expect(overdue).toContainText('1 件');
  await expect(overdue.getByRole('link')).toHaveText([late.caseNo]);
  await expect(overdue).toContainText(`${SIMA.name} · ${SIMA.item}`);
  await expect(overdue).toContainText(/办结期限 \d{4}-\d{2}-\d{2}，已超期/);
  const supplement = widgets.getByRole('region', { name: '等待补正' });
  await expect(supplement.getByRole('link')).toHaveText([waiting.caseNo]);
  // The case accepted today is on no warning list.
  await expect(widgets.getByRole('link', { name: onTime.caseNo })).toHaveCount(0);

  await overdue.getByRole('link', { name: late.caseNo }).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading(late.caseNo)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /^已超期 \d+ 个工作日/ })).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();
  await expect(widgets).toBeVisible();

  // The same case under 只看超期 in the list.
  await new AppShellPage(page).goTo('案件');
  await page.getByRole('checkbox', { name: '只看超期' }).click();
  await expect(page.getByRole('checkbox', { name: '只看超期' })).toBeChecked();
  const list = new CaseListPage(page);
  await expect(list.rows.getByRole('link')).toHaveText([late.caseNo]);
  await expect(list.row(late.caseNo)).toContainText('已超期');
});

test('a village hand-over is received at the township from the 工作台, with its checklist', async ({
  page,
  appUrl,
}) => {
  const { villageId } = await seedCommittees(appUrl);
  const agent = await CaseSeeder.signIn(appUrl, VILLAGE_AGENT);
  const resident = await agent.resident('金阿婆', '1938-05-20', 31, villageId);
  const filed = await agent.agencyIntake(resident.id, SIMA.item, '申请人年老行动不便', today());
  await agent.transition(filed.id, 'hand_over', '材料已装袋');
  await agent.signOut();

  await page.goto(appUrl);
  await new SignInPage(page).signIn(TOWNSHIP_SUPERVISOR);
  const awaiting = page
    .getByRole('region', { name: '一窗受理' })
    .getByRole('region', { name: '待接收的代办件' });
  await expect(awaiting).toContainText(`${VILLAGE_NAME} ${VILLAGE_AGENT.displayName}代办`);
  await awaiting.getByRole('link', { name: filed.caseNo }).click();

  const detail = new CaseDetailPage(page);
  await expect(detail.heading(filed.caseNo)).toBeVisible();
  const agency = page.getByRole('region', { name: '代办信息' });
  for (const [term, value] of [
    ['委托人（申请人）', '金阿婆'],
    ['代办员', VILLAGE_AGENT.displayName],
    ['代办点', VILLAGE_NAME],
    ['授权委托书日期', today()],
    ['代办原因', '申请人年老行动不便'],
  ] as const) {
    await expect(detail.fact(term, agency)).toHaveText(value);
  }
  await expect(detail.actions.getByRole('button')).toHaveText([
    '接收',
    '要求补正',
    '不予受理',
    '撤回',
  ]);

  await detail.actions.getByRole('button', { name: '接收', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '接收' });
  await expect(dialog).toContainText('必交材料已齐全');
  await expect(dialog).toContainText('确认后案件即受理');
  await dialog.getByRole('button', { name: '确认接收' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.actions.getByRole('button')).toHaveText([
    '要求补正',
    '开始办理',
    '办结',
    '退回',
    '撤回',
  ]);
  await expect(detail.timeline.last()).toContainText('接收');
  await expect(detail.timeline.last()).toContainText(TOWNSHIP_SUPERVISOR.displayName);
});
