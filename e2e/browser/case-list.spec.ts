import ExcelJS from 'exceljs';
import { CLERK, expect, seedTerminal, test } from '../fixtures';
import { CaseSeeder } from '../fixtures/case-seed';
import { OUYANG, SIMA } from '../fixtures/cases';
import { CaseListPage } from '../fixtures/pages/cases';

test.describe('案件 list', () => {
  test('search by two characters, pinyin initials and part of the number; page; export', async ({
    page,
    appUrl,
    app,
  }) => {
    test.slow();
    await seedTerminal(appUrl, [CLERK]);
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

    await app.openAs(appUrl, CLERK, '案件');
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
