import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN, SignInPage, apiCall, expect, seedTerminal, test } from '../fixtures';
import { startServer } from '../fixtures/server';

/** Overwrites pages in the middle of the database file, as a failing disk would. */
async function damageDatabase(dataDir: string) {
  const name = (await readdir(dataDir)).find((file) => file.endsWith('.sqlite'));
  if (!name) throw new Error(`no database file in ${dataDir}`);
  const file = await open(join(dataDir, name), 'r+');
  try {
    await file.write(Buffer.alloc(4096 * 20, 0xff), 0, 4096 * 20, 4096 * 3);
  } finally {
    await file.close();
  }
}

test('a damaged database offers only a restore, which brings the data back', async ({
  page,
  dataDir,
}) => {
  const first = await startServer(dataDir);
  try {
    await seedTerminal(first.url);
    const { token } = await apiCall(first.url, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    await apiCall(first.url, 'backups.create', {}, token);
  } finally {
    await first.stop();
  }

  await damageDatabase(dataDir);
  const second = await startServer(dataDir);
  try {
    await page.goto(second.url);
    await expect(page.getByRole('heading', { name: '数据库已损坏' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('完整性检查未通过');
    await page.getByRole('button', { name: /^恢复备份 .*manual/ }).click();
    const confirm = page.getByRole('dialog', { name: '恢复备份' });
    await expect(confirm).toContainText('所有已登录的人都会退出登录');
    await confirm.getByRole('button', { name: '恢复' }).click();

    // The manual backup was taken after the password change, so the own password works again.
    await new SignInPage(page).signIn(ADMIN);
  } finally {
    await second.stop();
  }
});
