import type { Page } from '@playwright/test';
import {
  ADMIN,
  UsersPage,
  apiCall,
  expect,
  seedTerminal,
  test,
  account,
  type Account,
} from '../fixtures';
import {
  MEDIATOR,
  ROSTER,
  SUPERVISOR,
  seedMediation,
  setCaseAbbreviation,
  signInToken,
} from '../fixtures/mediation-seed';
import { DisputeAftercarePage } from '../fixtures/pages/mediation-followup';
import { DisputeFilePage } from '../fixtures/pages/mediation';

// Issue 12 was tried at this size, through the screens only.
test.use({ viewport: { width: 1366, height: 768 } });

/** A mediator who joins the township's committee on his first day. */
const NEWCOMER = account('mediator', 'tiaojie02', '陈立新', 'Newcomer#Init26', 'Chen#Lixin2026');

/** The committee's case-number abbreviation, set by the supervisor as on any first day. */
async function setAbbreviation(appUrl: string) {
  const token = await signInToken(appUrl, SUPERVISOR);
  await setCaseAbbreviation(appUrl, token);
  await apiCall(appUrl, 'auth.signOut', {}, token);
}

/** A neighbours' dispute a resident brought to the window, registered by the mediator himself. */
async function registerDispute(appUrl: string, mediator: Account) {
  const token = await signInToken(appUrl, mediator);
  const party = (name: string, idNumber: string, role: 'applicant' | 'respondent') => ({
    kind: 'person' as const,
    role,
    name,
    gender: null,
    ethnicity: '汉族',
    occupation: '个体工商户',
    phone: '13957700001',
    address: '鹿城区五马街道墨池坊12号',
    idType: 'resident_id' as const,
    idNumber,
  });
  const { dispute } = await apiCall(
    appUrl,
    'mediation.register',
    {
      type: 'neighbour',
      source: 'application',
      summary: '两家因院墙排水问题发生争执',
      occurredOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      ),
      place: '墨池坊',
      amountFen: 300_000,
      peopleInvolved: 2,
      riskLevel: 'general',
      parties: [
        party('陈国强', '330302197803122018', 'applicant'),
        party('林美华', '330302198207153023', 'respondent'),
      ],
    },
    token,
  );
  await apiCall(appUrl, 'auth.signOut', {}, token);
  return dispute;
}

async function recordFirstSession(page: Page) {
  await new DisputeFilePage(page).recordSession({
    place: '五马街道调解室',
    statements: {},
    agreed: false,
    result: '双方各自陈述，约定三日后再调',
  });
  await expect(page.getByRole('region', { name: '调解记录', exact: true })).toContainText(
    '第1次调解',
  );
}

test('a mediator created with the roster box checked assigns himself and records a session on day one', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedTerminal(appUrl, [SUPERVISOR]);
  await setAbbreviation(appUrl);
  const file = new DisputeFilePage(page);

  await app.openAs(appUrl, ADMIN, '用户管理');
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByRole('textbox', { name: '用户名', exact: true }).fill(NEWCOMER.username);
  await dialog.getByRole('textbox', { name: '姓名', exact: true }).fill(NEWCOMER.displayName);
  const rosterBox = dialog.getByRole('checkbox', { name: /调解员名册/ });
  await expect(rosterBox).toHaveCount(0);
  await dialog.getByRole('combobox', { name: '角色' }).click();
  await page.getByRole('option', { name: '调解员', exact: true }).click();
  await expect(rosterBox).toBeVisible();
  await expect(rosterBox).toBeChecked();
  await expect(dialog.getByText('同时加入所属单位调解委员会的调解员名册')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('create-mediator.png') });
  await dialog
    .getByRole('textbox', { name: '初始密码', exact: true })
    .fill(NEWCOMER.initialPassword);
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(new UsersPage(page).row(NEWCOMER.username)).toBeVisible();
  await app.shell.switchUser();

  const dispute = await registerDispute(appUrl, SUPERVISOR);
  await app.signIn.signInFirstTime(NEWCOMER);
  await new DisputeAftercarePage(page).open(dispute.id);
  await expect(page.getByText('您还不在本调委会的调解员名册上')).toHaveCount(0);
  await file.assignMediators(NEWCOMER.displayName, []);
  await expect(file.section('调解员')).toContainText(NEWCOMER.displayName);
  await recordFirstSession(page);
  await app.shell.switchUser();

  // The audit log names each step in words.
  await app.signIn.signIn(ADMIN);
  await app.shell.goTo('审计日志');
  const log = page.getByRole('table');
  await expect(log).toContainText('记录调解');
  await expect(log).toContainText('指派调解员');
  await expect(log).toContainText('新增调解员');
  await expect(log).not.toContainText('mediation.');
  await page.screenshot({ path: test.info().outputPath('audit-log.png'), fullPage: true });
});

test('a mediator missing from the roster is told what to do, and the supervisor adds him with one click', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  // Accounts made before the box existed: the mediator has no roster entry.
  await seedTerminal(appUrl, [SUPERVISOR, MEDIATOR]);
  await setAbbreviation(appUrl);
  const dispute = await registerDispute(appUrl, MEDIATOR);
  const file = new DisputeFilePage(page);

  await app.openAs(appUrl, MEDIATOR);
  await new DisputeAftercarePage(page).open(dispute.id);
  const notice = page.getByRole('status').filter({ hasText: '您还不在本调委会的调解员名册上' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('请本单位负责人打开“调解员”页');
  await page.screenshot({ path: test.info().outputPath('off-roster-mediator.png') });
  await app.shell.switchUser();

  await app.signIn.signIn(SUPERVISOR);
  await app.shell.goTo('调解员');
  const offRoster = page.getByRole('status').filter({ hasText: '有调解员账号还不在名册上' });
  await expect(offRoster).toContainText(`${MEDIATOR.displayName}（${MEDIATOR.username}）`);
  await offRoster.getByRole('button', { name: `把${MEDIATOR.displayName}加入名册` }).click();
  await expect(offRoster).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: MEDIATOR.displayName });
  await expect(row).toContainText('有登录账号');
  await expect(row).toContainText('在册');
  await app.shell.switchUser();

  await app.signIn.signIn(MEDIATOR);
  await new DisputeAftercarePage(page).open(dispute.id);
  await expect(notice).toHaveCount(0);
  await file.assignMediators(MEDIATOR.displayName, []);
  await recordFirstSession(page);
});

test('a roster entry made by hand before accounts were linked is linked to the account, not doubled', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  // 周慧敏 has an account and, entered by hand, a roster entry of the same name not linked to it.
  await seedMediation(appUrl);
  await app.openAs(appUrl, SUPERVISOR, '调解员');
  const offRoster = page.getByRole('status').filter({ hasText: '有调解员账号还不在名册上' });
  await offRoster
    .getByRole('button', {
      name: `把名册中的${MEDIATOR.displayName}关联到账号${MEDIATOR.username}`,
    })
    .click();
  await expect(offRoster).toBeHidden();
  const rows = page.getByRole('row').filter({ hasText: MEDIATOR.displayName });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('有登录账号');
  // What the supervisor entered by hand stays: her specialties.
  await expect(rows).toContainText('邻里');
  const token = await signInToken(appUrl, SUPERVISOR);
  const roster = await apiCall(appUrl, 'mediators.list', {}, token);
  expect(roster.map((mediator) => mediator.name).sort()).toEqual(
    [...ROSTER.map((entry) => entry.name)].sort(),
  );
});

test('a clerk made 调解员 through 修改 is offered the roster and is on it, linked to the account', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  const CLERK_TO_MEDIATOR = account(
    'clerk',
    'chuangkou09',
    '郑晓东',
    'Clerk09#Init26',
    'Zheng#2026x',
  );
  await seedTerminal(appUrl, [SUPERVISOR, CLERK_TO_MEDIATOR]);
  await app.openAs(appUrl, ADMIN, '用户管理');
  await page.getByRole('button', { name: `修改 ${CLERK_TO_MEDIATOR.username}` }).click();
  const dialog = page.getByRole('dialog', { name: '修改用户' });
  const rosterBox = dialog.getByRole('checkbox', { name: /调解员名册/ });
  await expect(rosterBox).toHaveCount(0);
  await dialog.getByRole('combobox', { name: '角色' }).click();
  await page.getByRole('option', { name: '调解员', exact: true }).click();
  await expect(rosterBox).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('edit-to-mediator.png') });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(new UsersPage(page).row(CLERK_TO_MEDIATOR.username)).toContainText('调解员');

  // On the roster now: 修改 again offers no second entry.
  await page.getByRole('button', { name: `修改 ${CLERK_TO_MEDIATOR.username}` }).click();
  await expect(dialog.getByRole('combobox', { name: '角色' })).toHaveValue('调解员');
  await expect(rosterBox).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();
  await app.shell.switchUser();

  await app.signIn.signIn(SUPERVISOR);
  await app.shell.goTo('调解员');
  const row = page.getByRole('row').filter({ hasText: CLERK_TO_MEDIATOR.displayName });
  await expect(row).toContainText('有登录账号');
  await expect(
    page.getByRole('status').filter({ hasText: '有调解员账号还不在名册上' }),
  ).toHaveCount(0);
});
