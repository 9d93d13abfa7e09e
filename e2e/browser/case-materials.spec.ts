import { expect, test } from '../fixtures';
import { openAcceptedCase } from '../fixtures/cases';
import { CaseDetailPage } from '../fixtures/pages/cases';

/** A 1×1 PNG: a scan as small as a file can be while still being an image. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

test.describe('case detail', () => {
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
