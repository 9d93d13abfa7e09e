import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN, ResidentsPage, apiCall, expect, seedTerminal, test, apiSignIn } from '../fixtures';
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
  app,
}) => {
  const first = await startServer(dataDir);
  try {
    await seedTerminal(first.url);
    const token = await apiSignIn(first.url, ADMIN);
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
    await app.signIn.signIn(ADMIN);
  } finally {
    await second.stop();
  }
});

test('the administrator rebuilds the search indexes and the search still finds the resident', async ({
  page,
  appUrl,
  app,
}) => {
  await seedTerminal(appUrl);
  const token = await apiSignIn(appUrl, ADMIN);
  await apiCall(
    appUrl,
    'residents.create',
    { name: '欧阳明华', docType: 'resident_id', docNumber: '330324198001011239' },
    token,
  );
  await app.openAs(appUrl, ADMIN, '备份与恢复');
  const section = page.getByRole('region', { name: '搜索索引' });
  // A healthy index: no warning, and the button is there all the same.
  await expect(section.getByRole('alert')).toHaveCount(0);
  await section.getByRole('button', { name: '重建搜索索引' }).click();
  const confirm = page.getByRole('dialog', { name: '重建搜索索引' });
  await expect(confirm).toContainText('已保存的数据不会改动');
  await confirm.getByRole('button', { name: '重建' }).click();
  await expect(
    page.getByText(/^搜索索引已重建：群众 1 条、办件 0 条、纠纷 0 条，用时 \d+ 秒$/),
  ).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('backups.png'), fullPage: true });

  await app.shell.goTo('群众档案');
  const residents = new ResidentsPage(page);
  await residents.search('欧阳明');
  await expect(residents.row('欧阳明华')).toBeVisible();
});
