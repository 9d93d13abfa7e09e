import { CLERK, expect, seedTerminal, test } from '../fixtures';
import { backdateAcceptance, CaseSeeder } from '../fixtures/case-seed';
import { OUYANG, SIMA } from '../fixtures/cases';
import {
  seedCommittees,
  today,
  TOWNSHIP_SUPERVISOR,
  VILLAGE_AGENT,
  VILLAGE_NAME,
} from '../fixtures/mediation-api';
import { CaseDetailPage, CaseListPage } from '../fixtures/pages/cases';

test('the 工作台 shows an overdue case and one waiting for 补正, each opening its case', async ({
  page,
  appUrl,
  dataDir,
  app,
}) => {
  await seedTerminal(appUrl, [CLERK]);
  const seed = await CaseSeeder.signIn(appUrl, CLERK);
  const sima = await seed.resident(SIMA.name, SIMA.birth, 11);
  const ouyang = await seed.resident(OUYANG.name, OUYANG.birth, 22);
  const late = await seed.acceptComplete(sima.id, SIMA.item);
  const onTime = await seed.acceptComplete(ouyang.id, OUYANG.item);
  const waiting = await seed.takeInIncomplete(ouyang.id, SIMA.item);
  await seed.signOut();
  // Accepted six weeks ago: its five working days ran out long since.
  backdateAcceptance(dataDir, late.id, 42);

  await app.openAs(appUrl, CLERK);
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
  await app.shell.goTo('案件');
  await page.getByRole('checkbox', { name: '只看超期' }).click();
  await expect(page.getByRole('checkbox', { name: '只看超期' })).toBeChecked();
  const list = new CaseListPage(page);
  await expect(list.rows.getByRole('link')).toHaveText([late.caseNo]);
  await expect(list.row(late.caseNo)).toContainText('已超期');
});

test('a village hand-over is received at the township from the 工作台, with its checklist', async ({
  page,
  appUrl,
  app,
}) => {
  const { villageId } = await seedCommittees(appUrl);
  const agent = await CaseSeeder.signIn(appUrl, VILLAGE_AGENT);
  const resident = await agent.resident('金阿婆', '1938-05-20', 31, villageId);
  const filed = await agent.agencyIntake(resident.id, SIMA.item, '申请人年老行动不便', today());
  await agent.transition(filed.id, 'hand_over', '材料已装袋');
  await agent.signOut();

  await app.openAs(appUrl, TOWNSHIP_SUPERVISOR);
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
