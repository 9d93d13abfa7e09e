import { ADMIN, expect, seedTerminal, test } from '../fixtures';

test('closing the window asks while a dialog holds what was typed, and not once it is dropped', async ({
  page,
  appUrl,
  app,
}) => {
  await seedTerminal(appUrl);
  await app.openAs(appUrl, ADMIN, '用户管理');
  const asked: string[] = [];
  page.on('dialog', (question) => {
    asked.push(question.type());
    void question.dismiss();
  });

  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  const name = dialog.getByRole('textbox', { name: '姓名', exact: true });
  await name.fill('周海波');
  // Electron asks in its own words (electron/main/close-guard.ts); here the browser asks.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
  await expect(name).toHaveValue('周海波');

  await dialog.getByRole('button', { name: '取消' }).click();
  await page
    .getByRole('dialog', { name: '放弃已填写的内容？' })
    .getByRole('button', { name: '放弃并关闭' })
    .click();
  await expect(dialog).toBeHidden();
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(asked).toEqual(['beforeunload']);
});
