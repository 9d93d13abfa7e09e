import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shanghaiDate } from '../../shared/domain/calendar/plain-date';
import { orgUnitIdFromDivisionCode } from '../../shared/sync/natural-ids';
import { residentIdNumber } from '../../shared/testing/people';
import {
  ADMIN,
  AgencyInboxPage,
  AgencyPage,
  TOWNSHIP_ADMIN,
  account,
  apiCall,
  apiSignIn,
  createUser,
  expect,
  fileOnBehalf,
  takeOver,
  test,
  type Account,
} from '../fixtures';
import { CaseSeeder } from '../fixtures/case-seed';
import { HUB_START_TIMEOUT_MS, startCountyHub, type CountyHub } from '../fixtures/county-hub';
import { CaseDetailPage } from '../fixtures/pages/cases';
import { startServer, type RunningServer } from '../fixtures/server';

/** 岩头镇 and its village 岩头村 in the demo county the hub serves. */
const YANTOU_ID = orgUnitIdFromDivisionCode('330324108');
const VILLAGE_ID = orgUnitIdFromDivisionCode('330324108201');
const VILLAGE_NAME = '岩头村';
const ALLOWANCE = '高龄津贴申领';

const VILLAGE_ADMIN = { ...TOWNSHIP_ADMIN, username: 'yantoucun_admin', displayName: '周立群' };
const [AGENT, CLERK] = [
  account('agent', 'yantoucun_agent', '周海燕', 'Agent#Init2026', 'Zhou#Haiyan26'),
  account('clerk', 'yantou_clerk', '王芳', 'Clerk#Init2026', 'Wang#Fang2026'),
] as const;
const PRINCIPAL = { name: '钱老伯', birth: '1936-04-12', sequence: 31 };

/** A 1×1 PNG: the 户口簿 as the agent scanned it at the village. */
const SCAN = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/*
 * Issue 15, "routing, end to end", as people do it: the real county hub, its centre (which issues
 * the codes), 岩头村's agency window and 岩头镇's window, each its own backend and database. Nothing
 * moves the case between the windows but 立即同步 on each.
 */
test.describe.serial('a village agency case handed over through the county hub', () => {
  let folder: string;
  let hub: CountyHub;
  const servers: RunningServer[] = [];
  let village: RunningServer;
  let township: RunningServer;

  async function joinHub(
    server: RunningServer,
    code: string,
    terminalName: string,
    admin: Account,
  ) {
    await apiCall(server.url, 'hub.join', { hubUrl: hub.url, code });
    await apiCall(server.url, 'hub.completeSetup', {
      terminalName,
      admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
    });
  }

  test.beforeAll(async () => {
    test.setTimeout(HUB_START_TIMEOUT_MS + 120_000);
    folder = await mkdtemp(join(tmpdir(), 'township-desk-hand-off-e2e-'));
    hub = await startCountyHub(join(folder, 'hub'));
    const [centre, first, second] = await Promise.all(
      ['centre', 'village', 'township'].map((name) => startServer(join(folder, name))),
    );
    servers.push(centre!, first!, second!);
    [village, township] = [first!, second!];
    await joinHub(centre!, hub.firstCode, '县中心一号机', ADMIN);
    const countyAdmin = await apiSignIn(centre!.url, ADMIN);
    const issue = async (orgUnitId: string) =>
      (await apiCall(centre!.url, 'hub.issueCode', { orgUnitId }, countyAdmin)).code;
    await joinHub(village, await issue(VILLAGE_ID), '岩头村代办点', VILLAGE_ADMIN);
    await joinHub(township, await issue(YANTOU_ID), '一号窗口', TOWNSHIP_ADMIN);
    await createUser(village.url, await apiSignIn(village.url, VILLAGE_ADMIN), AGENT, VILLAGE_ID);
    await takeOver(village.url, AGENT);
    await createUser(township.url, await apiSignIn(township.url, TOWNSHIP_ADMIN), CLERK);
    await takeOver(township.url, CLERK);
  });

  test.afterAll(async () => {
    for (const server of servers) await server.stop();
    await hub?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  test('the township receives it whole in 待接收, completes it, and the village sees 已办结', async ({
    page,
    app,
  }) => {
    test.slow();
    const agency = new AgencyPage(page);
    const inbox = new AgencyInboxPage(page);
    const detail = new CaseDetailPage(page);

    /**
     * Opens a window as `who`: each window keeps its last session in this page, so whoever is signed
     * in there switches user first, as a person at that window would.
     */
    async function openAs(server: RunningServer, who: Account, screen: string) {
      await page.goto(server.url);
      const signIn = page.getByRole('heading', { name: '登录', exact: true });
      await expect(signIn.or(app.shell.nav)).toBeVisible();
      if (await app.shell.nav.isVisible()) await app.shell.switchUser();
      await app.signIn.signIn(who);
      await app.shell.goTo(screen);
    }

    /** 立即同步 on the window's 县级平台 page, as its administrator, until it says it is done. */
    async function syncNow(server: RunningServer, admin: Account) {
      await openAs(server, admin, '县级平台');
      await page.getByRole('button', { name: '立即同步' }).click();
      await expect(
        page.getByText(/^同步完成：本机修改已上传，已取回县级平台的最新数据/),
      ).toBeVisible();
    }

    // At 岩头村: the agent's filing, every material received and the 户口簿 scanned.
    const agentToken = await apiSignIn(village.url, AGENT);
    const resident = await apiCall(
      village.url,
      'residents.create',
      {
        docType: 'resident_id',
        docNumber: residentIdNumber('330324', PRINCIPAL.birth, PRINCIPAL.sequence),
        name: PRINCIPAL.name,
        phone: '13857701234',
        address: '永嘉县岩头镇岩头村 5 号',
        villageOrgId: VILLAGE_ID,
      },
      agentToken,
    );
    const seed = await CaseSeeder.signIn(village.url, AGENT);
    const filed = await fileOnBehalf(
      village.url,
      agentToken,
      resident.id,
      await seed.item(ALLOWANCE),
      shanghaiDate(new Date()),
    );
    const book = filed.materials.find((material) => material.name === '老年人户口簿')!;
    await apiCall(
      village.url,
      'attachments.upload',
      {
        caseId: filed.id,
        caseMaterialId: book.id,
        fileName: '户口簿扫描件.png',
        mime: 'image/png',
        base64: SCAN.toString('base64'),
      },
      agentToken,
    );

    // The agent hands it over at the village's window.
    await openAs(village, AGENT, '代办');
    await expect(agency.row(filed.caseNo)).toContainText('代办待移交');
    await agency.handOver(filed.caseNo);
    await expect(agency.row(filed.caseNo)).toContainText('待接收');

    await syncNow(village, VILLAGE_ADMIN);
    await syncNow(township, TOWNSHIP_ADMIN);

    // At 岩头镇: the case in 待接收, from the village's agent, for its resident.
    await openAs(township, CLERK, '待接收');
    const row = inbox.row(filed.caseNo);
    await expect(row).toContainText(VILLAGE_NAME);
    await expect(row).toContainText(AGENT.displayName);
    await expect(row).toContainText(PRINCIPAL.name);
    await expect(row).toContainText(ALLOWANCE);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: test.info().outputPath('township-inbox.png') });

    // Its materials came with it, the scan fetched ahead, and its resident.
    await inbox.openCase(filed.caseNo);
    const particulars = page.getByRole('region', { name: '代办信息' });
    await expect(detail.fact('委托人（申请人）', particulars)).toHaveText(PRINCIPAL.name);
    await expect(detail.fact('代办员', particulars)).toHaveText(AGENT.displayName);
    await expect(detail.fact('代办点', particulars)).toHaveText(VILLAGE_NAME);
    await expect(page.getByRole('main')).toContainText('永嘉县岩头镇岩头村 5 号');
    await expect(detail.timeline).toHaveCount(2);
    await expect(detail.timeline.last()).toContainText('移交乡镇');
    for (const material of filed.materials)
      await expect(detail.material(material.name)).toContainText(/已收 \d+ 份/);
    const scan = detail
      .material('老年人户口簿')
      .getByRole('button', { name: '图片：户口簿扫描件.png' });
    await scan.click();
    const viewer = page.getByRole('dialog', { name: '户口簿扫描件.png' });
    await expect(viewer.getByRole('img', { name: '户口簿扫描件.png' })).toHaveJSProperty(
      'naturalWidth',
      1,
    );
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();
    await page.screenshot({ path: test.info().outputPath('township-case.png') });

    const dialog = await inbox.receive();
    await dialog.getByRole('button', { name: '确认接收' }).click();
    await expect(dialog).toBeHidden();
    await detail.act('办结', '津贴已核定，自下月起按月发放');
    await expect(page.getByRole('main').getByText('已办结', { exact: true }).first()).toBeVisible();

    await syncNow(township, TOWNSHIP_ADMIN);
    await syncNow(village, VILLAGE_ADMIN);

    // Back at 岩头村: the agent's list shows the township's result.
    await openAs(village, AGENT, '代办');
    await expect(agency.row(filed.caseNo)).toContainText('已办结');
    await agency
      .row(filed.caseNo)
      .getByRole('link', { name: `办理结果 ${filed.caseNo}` })
      .click();
    await expect(page.getByRole('region', { name: '办理结果' })).toContainText(
      '津贴已核定，自下月起按月发放',
    );
    await expect(detail.timeline).toHaveCount(4);
    await expect(detail.timeline.last()).toContainText(CLERK.displayName);
    await page.screenshot({ path: test.info().outputPath('village-result.png') });
  });
});
