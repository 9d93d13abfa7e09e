import type { Page } from '@playwright/test';
import {
  ADMIN,
  CLERK,
  SetupWizardPage,
  SignInPage,
  UsersPage,
  expect,
  test,
  seedTerminal,
  account,
} from '../fixtures';

const SIGN_IN_REFUSED =
  '用户名或密码不正确，或账号已锁定、已停用。连续输错 5 次密码会锁定 10 分钟，需要时请联系系统管理员。';

/** Audit rows with exactly these cell texts (user, action, …) and the given outcome. */
function auditRows(page: Page, cells: string[], outcome: '成功' | '失败' | '拒绝') {
  let rows = page.getByRole('row').filter({ hasText: outcome });
  for (const name of cells) {
    rows = rows.filter({ has: page.getByRole('cell', { name, exact: true }) });
  }
  return rows;
}

/** A fresh terminal with its administrator signed in on their own password. */
async function setUpAsAdmin(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await new SetupWizardPage(page).complete();
  await new SignInPage(page).signIn(ADMIN);
}

test('setup, users, role navigation, lockout and the audit trail', async ({
  page,
  appUrl,
  app,
}) => {
  // The whole journey of issue 2: nine sign-ins and four screens, longer than one ordinary spec.
  test.slow();
  const users = new UsersPage(page);

  await setUpAsAdmin(page, appUrl);
  // The launch secret is taken out of the address bar once the page has it.
  expect(page.url()).not.toContain('secret=');
  await expect(app.shell.statusBar).toContainText(`${ADMIN.displayName}（系统管理员）`);
  await expect(app.shell.statusBar).toContainText('一号窗口');
  await expect(app.shell.statusBar).toContainText('离线（未配置县级平台）');
  await expect(app.shell.nav.getByRole('link')).toHaveText([
    '工作台',
    '案件',
    '群众档案',
    '事项目录',
    '差评回访',
    '窗口统计',
    '用户管理',
    '审计日志',
    '备份与恢复',
    '系统设置',
    '县级平台',
    '同步冲突',
    '同步问题',
  ]);

  await app.shell.goTo('用户管理');
  await users.createUser(CLERK, '窗口人员');
  await expect(users.row(CLERK.username)).toContainText('正常');
  await app.shell.switchUser();

  await app.signIn.signInFirstTime(CLERK);
  await expect(app.shell.nav.getByRole('link')).toHaveText([
    '工作台',
    '受理',
    '案件',
    '待接收',
    '事件报告',
    '群众档案',
    '事项目录',
  ]);
  await expect(page.getByText(/您以窗口人员身份登录/)).toBeVisible();
  // A page outside the role's navigation falls back to the 工作台 even when asked for directly.
  await page.evaluate('location.hash = "#/audit"');
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByRole('heading', { name: '审计日志' })).toHaveCount(0);
  await app.shell.switchUser();

  // One answer for every refusal, so that it tells a guesser nothing about the account.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await app.signIn.submit(CLERK.username, `Wrong#Guess${attempt}`);
    await expect(app.signIn.error).toContainText(SIGN_IN_REFUSED);
  }
  // Locked means locked: even the right password is refused now.
  await app.signIn.submit(CLERK.username, CLERK.password);
  await expect(app.signIn.error).toContainText(SIGN_IN_REFUSED);
  await expect(app.shell.nav).toHaveCount(0);

  await app.signIn.signIn(ADMIN);
  await app.shell.goTo('用户管理');
  await expect(users.row(CLERK.username)).toContainText('已锁定');

  await app.shell.goTo('审计日志');
  await expect(auditRows(page, [ADMIN.username, '初始设置'], '成功')).toHaveCount(1);
  await expect(auditRows(page, [ADMIN.username, '新建用户'], '成功')).toContainText(
    `${CLERK.username}（${CLERK.displayName}，窗口人员）`,
  );
  await expect(auditRows(page, [CLERK.username, '登录'], '成功')).toHaveCount(1);
  await expect(auditRows(page, [CLERK.username, '修改密码'], '成功')).toHaveCount(1);
  // Five wrong passwords and the refused attempt while locked.
  await expect(auditRows(page, [CLERK.username, '登录'], '失败')).toHaveCount(6);
  await expect(auditRows(page, [CLERK.username, '账号锁定'], '成功')).toHaveCount(1);

  await page.getByRole('textbox', { name: '用户名', exact: true }).fill(CLERK.username);
  await expect(auditRows(page, [ADMIN.username], '成功')).toHaveCount(0);
  await expect(page.getByText(/^第 1–\d+ 条，共 \d+ 条$/)).toBeVisible();

  await page.getByRole('button', { name: '校验完整性' }).click();
  await expect(page.getByText(/^审计日志完整，共校验 \d+ 条$/)).toBeVisible();
});

test('an administrator lifts a lockout before its ten minutes are up', async ({
  page,
  appUrl,
  app,
}) => {
  // Seven sign-ins, each verifying a deliberately slow password hash.
  test.slow();
  await seedTerminal(appUrl, [CLERK]);
  const users = new UsersPage(page);
  await page.goto(appUrl);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await app.signIn.submit(CLERK.username, `Wrong#Guess${attempt}`);
  }
  await expect(app.signIn.error).toContainText(SIGN_IN_REFUSED);

  await app.signIn.signIn(ADMIN);
  await app.shell.goTo('用户管理');
  await users
    .row(CLERK.username)
    .getByRole('button', { name: `解除锁定 ${CLERK.username}` })
    .click();
  await expect(users.row(CLERK.username)).toContainText('正常');
  await app.shell.switchUser();
  await app.signIn.signIn(CLERK);
});

test('a display name that looks like HTML or SQL is shown exactly as typed', async ({
  page,
  appUrl,
  app,
}) => {
  const tricky = account(
    'mediator',
    'wang01',
    `<b>王</b>'; DROP TABLE users;--`,
    'Wang#Init2026',
    'Wang#Own2026x',
  );
  const users = new UsersPage(page);
  await seedTerminal(appUrl);
  await app.openAs(appUrl, ADMIN, '用户管理');
  await users.createUser(tricky, '调解员');

  await expect(
    users.row(tricky.username).getByRole('cell', { name: tricky.displayName, exact: true }),
  ).toBeVisible();
  // Shown as text, never parsed: no <b> element appears anywhere in the page.
  await expect(page.locator('main b')).toHaveCount(0);
  // And the users table is still there, with both users in it.
  await expect(users.row(ADMIN.username)).toBeVisible();

  await app.shell.switchUser();
  await app.signIn.signInFirstTime(tricky);
  await expect(
    page.getByRole('heading', { name: new RegExp(`，${escapeRegExp(tricky.displayName)}$`) }),
  ).toBeVisible();
  await expect(app.shell.statusBar).toContainText(`${tricky.displayName}（调解员）`);
  await expect(page.locator('b')).toHaveCount(0);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
