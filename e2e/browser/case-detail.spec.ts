import { CLERK, expect, RatingViewPage, test } from '../fixtures';
import { openAcceptedCase, SIMA } from '../fixtures/cases';
import { CaseDetailPage } from '../fixtures/pages/cases';

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
});
