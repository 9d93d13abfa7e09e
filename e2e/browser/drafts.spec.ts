import type { Page } from '@playwright/test';
import { CLERK, IntakePage, expect, seedTerminal, test, registerResident } from '../fixtures';
import { MEDIATOR, SUPERVISOR, seedMediation } from '../fixtures/mediation-seed';
import { startServer, type RunningServer } from '../fixtures/server';

const RESIDENT_ID = '330302195601011118';
const ALLOWANCE = '高龄津贴申领';

/** A clerk, and 李建华 on file as another counter registered her. */
async function seedCounter(appUrl: string) {
  await seedTerminal(appUrl, [CLERK]);
  await registerResident(appUrl, CLERK, {
    docType: 'resident_id',
    docNumber: RESIDENT_ID,
    name: '李建华',
  });
}

function draftNotice(page: Page) {
  return page.getByRole('status', { name: '草稿' });
}

/** The half-done intake on screen: the resident, the item and two materials received. */
async function expectHalfDoneIntake(page: Page, intake: IntakePage) {
  await expect(draftNotice(page)).toContainText('已恢复未完成的草稿');
  await expect(intake.residentName).toHaveText('李建华');
  await expect(page.getByRole('combobox', { name: '办理事项' })).toHaveValue(ALLOWANCE);
  for (const name of ['老年人居民身份证', '老年人户口簿']) {
    await expect(
      page
        .getByRole('radiogroup', { name: `${name} 核对结果`, exact: true })
        .getByRole('radio', { name: '已收取' }),
    ).toBeChecked();
  }
}

test('a half-done intake survives leaving by the menu and a backend restart, and is thrown away on purpose', async ({
  page,
  dataDir,
  app,
}) => {
  test.slow();
  let server: RunningServer = await startServer(dataDir);
  try {
    await seedCounter(server.url);
    await page.goto(server.url);
    await app.signIn.signIn(CLERK);
    const intake = new IntakePage(page);
    await intake.open();
    await expect(draftNotice(page)).toBeHidden();
    await intake.lookUp(RESIDENT_ID);
    await expect(intake.residentName).toHaveText('李建华');
    await intake.chooseItem('gljt', ALLOWANCE);
    await intake.mark('老年人居民身份证', '已收取');
    await intake.mark('老年人户口簿', '已收取');

    // Straight to the menu, without waiting: the last mark is kept all the same.
    await app.shell.goTo('案件');
    await intake.open();
    await expectHalfDoneIntake(page, intake);

    // The backend restarts (a new launch, a new address): the draft is in its database.
    await server.stop();
    server = await startServer(dataDir);
    await page.goto(server.url);
    await app.signIn.signIn(CLERK);
    await intake.open();
    await expectHalfDoneIntake(page, intake);

    await draftNotice(page).getByRole('button', { name: '放弃草稿' }).click();
    await expect(draftNotice(page)).toBeHidden();
    await expect(intake.residentCard).toBeHidden();
    await expect(page.getByRole('combobox', { name: '办理事项' })).toHaveValue('');
    await app.shell.goTo('案件');
    await intake.open();
    await expect(intake.documentNumber).toBeFocused();
    await expect(draftNotice(page)).toBeHidden();
    await expect(intake.residentCard).toBeHidden();
  } finally {
    await server.stop();
  }
});

test('a half-filled dispute registration is the mediator’s own: kept through the lock screen and another user, gone once registered', async ({
  page,
  appUrl,
  app,
}) => {
  test.slow();
  await seedMediation(appUrl);
  const summary = page.getByRole('textbox', { name: '纠纷简要情况' });
  const firstName = page
    .getByRole('group', { name: '第一位当事人' })
    .getByRole('textbox', { name: '姓名', exact: true });
  async function openRegistration() {
    await app.shell.goTo('纠纷调解');
    await page.getByRole('link', { name: '登记纠纷' }).click();
    await expect(page.getByRole('heading', { name: '登记纠纷', level: 2 })).toBeVisible();
  }

  await app.openAs(appUrl, MEDIATOR);
  await openRegistration();
  await summary.fill('两家因院墙排水发生争执，雨水流入申请人院内。');
  // Saved as the mediator types, well before any idle lock.
  const saved = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/drafts.save') && (r.request().postData() ?? '').includes('陈国强'),
  );
  await firstName.fill('陈国强');
  await saved;

  // The lock screen, then someone else at the same PC: they do not see the mediator's draft.
  await app.shell.lock();
  await page.getByRole('button', { name: '切换用户' }).click();
  await app.signIn.signIn(SUPERVISOR);
  await openRegistration();
  await expect(summary).toHaveValue('');
  await expect(draftNotice(page)).toBeHidden();

  await app.shell.switchUser();
  await app.signIn.signIn(MEDIATOR);
  await openRegistration();
  await expect(draftNotice(page)).toContainText('已恢复未完成的草稿');
  await expect(summary).toHaveValue('两家因院墙排水发生争执，雨水流入申请人院内。');
  await expect(firstName).toHaveValue('陈国强');

  // Registered: the draft is deleted with it.
  await page.getByRole('combobox', { name: '纠纷类型', exact: true }).click();
  await page.getByRole('option', { name: /^邻里/ }).click();
  await page
    .getByRole('group', { name: '第二位当事人' })
    .getByRole('textbox', { name: '姓名', exact: true })
    .fill('林美华');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: /人调字第1号/, level: 2 })).toBeVisible();
  await openRegistration();
  await expect(draftNotice(page)).toBeHidden();
  await expect(summary).toHaveValue('');
});

test('when a draft cannot be saved, leaving the form asks first', async ({ page, appUrl, app }) => {
  await seedCounter(appUrl);
  // The backend stops answering the draft's saves, as when it is down.
  await page.route('**/api/drafts.save', (route) => route.abort());
  await app.openAs(appUrl, CLERK);
  const intake = new IntakePage(page);
  await intake.open();
  await intake.lookUp(RESIDENT_ID);
  await expect(intake.residentName).toHaveText('李建华');

  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '案件' }).click();
  const question = page.getByRole('dialog', { name: '草稿未能保存' });
  await expect(question).toContainText('现在离开，这些内容将会丢失');
  await question.getByRole('button', { name: '留在本页' }).click();
  await expect(question).toBeHidden();
  await expect(intake.heading).toBeVisible();
  await expect(intake.residentName).toHaveText('李建华');

  await nav.getByRole('link', { name: '案件' }).click();
  await question.getByRole('button', { name: '仍然离开' }).click();
  await expect(page.getByRole('heading', { name: '案件', level: 2 })).toBeVisible();
});
