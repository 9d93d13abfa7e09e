import { ADMIN, expect, seedTerminal, test } from '../fixtures';

test('the idle lock covers the page and keeps a half-filled form', async ({
  page,
  appUrl,
  app,
}) => {
  // The page's clock is Playwright's, so fifteen idle minutes pass without waiting for them.
  await page.clock.install();
  await seedTerminal(appUrl);
  await app.openAs(appUrl, ADMIN, '用户管理');

  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByRole('textbox', { name: '用户名', exact: true }).fill('zhou01');
  await dialog.getByRole('textbox', { name: '姓名', exact: true }).fill('周海波');

  await page.clock.fastForward('16:00');
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText(`${ADMIN.displayName}（系统管理员，${ADMIN.username}）`);
  // The form underneath stays mounted but inert while locked: neither Tab nor a click reaches it.
  // Nor is it to be read on an unattended screen: not drawn behind an opaque lock, hidden from a
  // screen reader; the lock is the one thing left on the page.
  const hiddenForm = page.getByRole('dialog', { name: '新建用户', includeHidden: true });
  await expect(hiddenForm).toHaveCount(1);
  await expect(hiddenForm).toBeHidden();
  await expect(page.locator('body > div:not([inert])')).toHaveCount(1);
  await expect(page.locator('body > div:not([aria-hidden="true"])')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: '用户管理', includeHidden: true })).toBeHidden();
  const lockScreen = page.locator('[role="dialog"][aria-labelledby="lock-title"]');
  await expect(lockScreen).toHaveCSS('background-color', 'rgb(20, 40, 70)');
  await page.screenshot({ path: test.info().outputPath('locked.png') });

  await lock.getByRole('textbox', { name: '密码', exact: true }).fill('Not#MyPassword1');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByRole('alert')).toContainText('密码不正确');

  await lock.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toBeHidden();
  await expect(page.locator('[inert]')).toHaveCount(0);
  await expect(page.locator('body > div[aria-hidden="true"]')).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '用户名', exact: true })).toHaveValue('zhou01');
  await expect(dialog.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('周海波');
});

test('切换用户 on the lock screen signs out instead of unlocking', async ({
  page,
  appUrl,
  app,
}) => {
  await seedTerminal(appUrl);
  await app.openAs(appUrl, ADMIN);
  await app.shell.lock();
  await page.getByRole('button', { name: '切换用户' }).click();
  await expect(page.getByRole('heading', { name: '登录', exact: true })).toBeVisible();
  // The old session is gone: a reload does not bring the signed-in page back.
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录', exact: true })).toBeVisible();
});

test('a reload keeps the session and the page', async ({ page, appUrl, app }) => {
  await seedTerminal(appUrl);
  await app.openAs(appUrl, ADMIN, '审计日志');
  await page.reload();
  await expect(page.getByRole('heading', { name: '审计日志', level: 2 })).toBeVisible();
  expect(page.url()).not.toContain('secret=');
});
