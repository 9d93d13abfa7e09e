import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CLERK, CataloguePage, apiCall, expect, seedTerminal, test } from '../fixtures';
import { CaseSeeder } from '../fixtures/case-seed';
import { SUPERVISOR, signInToken } from '../fixtures/mediation-seed';

const ITEM_CODE = 'ZJ-XZ-0019';
const ITEM_NAME = '高龄津贴申领';
const PAUSED = '流动人口婚育证明';
const NEW_MATERIAL = '村（居）委会出具的居住情况证明';

test('a supervisor’s edit of the materials makes a new version; a case taken in before keeps the old one', async ({
  page,
  appUrl,
  app,
}) => {
  // Three accounts and four sessions, each verifying a deliberately slow password hash.
  test.slow();
  await seedTerminal(appUrl, [SUPERVISOR, CLERK]);
  const counter = await CaseSeeder.signIn(appUrl, CLERK);
  const resident = await counter.resident('陈阿婆', '1940-01-01', 123);
  const before = await counter.acceptComplete(resident.id, ITEM_NAME);

  await app.openAs(appUrl, SUPERVISOR);
  const catalogue = new CataloguePage(page);
  await app.shell.goTo('事项目录');
  await catalogue.open(ITEM_NAME);
  const materialsBefore = await catalogue.materials.count();
  await catalogue.addMaterial({
    name: NEW_MATERIAL,
    form: '原件',
    requirement: '视情形提交',
    condition: '户籍不在本乡镇的',
    source: '居住地村（居）委会出具',
  });
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('已保存为第 2 版')).toBeVisible();
  await expect(page.getByText(/当前为第 2 版/)).toBeVisible();
  await expect(catalogue.materials).toHaveCount(materialsBefore + 1);
  await catalogue.showVersions();
  const versionRows = catalogue.versions.getByRole('row');
  await expect(versionRows.filter({ hasText: '第 2 版' })).toContainText('当前版本');
  await expect(versionRows.filter({ hasText: '第 2 版' })).toContainText(SUPERVISOR.displayName);
  await expect(versionRows.filter({ hasText: '第 1 版' })).not.toContainText('当前版本');

  // Version 1 reads as it was: without the new material.
  await catalogue.versions.getByRole('button', { name: '查看第 1 版' }).click();
  const v1 = page.getByRole('dialog', { name: /^第 1 版/ });
  await expect(
    v1.getByRole('heading', { name: `申请材料（${materialsBefore} 项）` }),
  ).toBeVisible();
  await expect(v1).not.toContainText(NEW_MATERIAL);
  await v1.getByRole('button').first().click();

  // The case taken in under version 1 keeps it; a case taken in now gets version 2.
  const token = await signInToken(appUrl, SUPERVISOR);
  const item = await apiCall(appUrl, 'catalogue.get', { itemId: before.itemId }, token);
  const kept = await apiCall(appUrl, 'cases.get', { caseId: before.id }, token);
  expect(kept.itemVersionId).toBe(item.versions.find((v) => v.number === 1)?.versionId);
  expect(kept.materials.map((m) => m.name)).not.toContain(NEW_MATERIAL);
  expect(kept.materials).toHaveLength(materialsBefore);
  // A fresh seeder reads the item's current version.
  const later = await CaseSeeder.signIn(appUrl, CLERK);
  const after = await later.acceptComplete(resident.id, ITEM_NAME);
  expect(after.itemVersionId).toBe(item.versionId);
  expect(after.materials.map((m) => m.name)).toContain(NEW_MATERIAL);

  await app.shell.goTo('审计日志');
  const entry = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: SUPERVISOR.username, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: '修改事项', exact: true }) });
  await expect(entry).toContainText(`${ITEM_CODE} ${ITEM_NAME}：第 2 版`);
});

test('an item is deactivated; the catalogue goes out to Excel and comes back in, each bad row named', async ({
  page,
  appUrl,
  app,
}, testInfo) => {
  await seedTerminal(appUrl, [SUPERVISOR]);
  await app.openAs(appUrl, SUPERVISOR);
  const catalogue = new CataloguePage(page);
  await app.shell.goTo('事项目录');

  // Deactivated, the item leaves the list unless the inactive ones are asked for.
  await catalogue.open(PAUSED);
  await page.getByRole('button', { name: '停用' }).click();
  await page
    .getByRole('dialog', { name: '停用事项' })
    .getByRole('button', { name: '停用' })
    .click();
  await expect(page.getByText('已停用', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: '返回事项目录' }).click();
  await catalogue.search(PAUSED);
  await expect(page.getByText('没有符合条件的事项')).toBeVisible();
  const inactiveToo = page.getByRole('switch', { name: '包括已停用的事项' });
  // The switch follows the address, which react-router updates a moment after the click.
  await inactiveToo.click();
  await expect(inactiveToo).toBeChecked();
  await expect(catalogue.row(PAUSED)).toContainText('停用');

  const exported = await catalogue.exportExcel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exported);
  const items = workbook.getWorksheet('事项')!;
  expect(items.getRow(1).getCell(1).value).toBe('编码');
  const rowOf = (code: string) => {
    let found: ExcelJS.Row | undefined;
    items.eachRow((row) => {
      if (row.getCell(1).value === code) found = row;
    });
    if (!found) throw new Error(`no row for ${code}`);
    return found;
  };
  const elderly = rowOf(ITEM_CODE);
  expect(elderly.getCell(2).value).toBe(ITEM_NAME);
  expect(elderly.getCell(5).value).toBe('承诺件');
  expect(elderly.getCell(6).value).toBe(5);

  const paused = rowOf('ZJ-XZ-0032');
  expect(paused.getCell(11).value).toBe('停用');

  // Promise 3 working days instead of 5, put the paused item back, and break another item's type.
  elderly.getCell(6).value = 3;
  paused.getCell(11).value = '启用';
  const broken = rowOf('ZJ-XZ-0020');
  broken.getCell(5).value = '急办件';
  await mkdir(testInfo.outputDir, { recursive: true });
  const edited = join(testInfo.outputDir, '事项目录-修改.xlsx');
  await workbook.xlsx.writeFile(edited);

  const dialog = await catalogue.importExcel(edited);
  await expect(dialog.getByRole('alert')).toContainText('新增 0 项，更新 2 项');
  await expect(dialog.getByRole('list', { name: '未导入的行' })).toHaveText(
    `事项表第 ${broken.number} 行：办件类型只能是即办件或承诺件`,
  );
  await dialog.getByRole('button', { name: '完成' }).click();

  await catalogue.search(ITEM_NAME);
  await expect(catalogue.row(ITEM_NAME)).toContainText('3 个工作日');
  await expect(catalogue.row(ITEM_NAME)).toContainText('第 2 版');
  await catalogue.search('老年人优待证');
  await expect(catalogue.row('老年人优待证')).toContainText('第 1 版');
  await inactiveToo.click();
  await expect(inactiveToo).not.toBeChecked();
  await catalogue.search(PAUSED);
  await expect(catalogue.row(PAUSED)).toContainText('启用');
});
