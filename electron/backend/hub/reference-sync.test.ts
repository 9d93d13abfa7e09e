import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import {
  HUB_PATHS,
  orgTreeEditionSchema,
  type PublishOrgTreeRequest,
} from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { putSetting } from '../settings/service';
import { ADMIN_PASSWORD, type Harness } from '../testing/harness';
import type { CountyHub } from '../testing/county-hub';
import {
  COUNTY_SCENE_TIMEOUT_MS,
  countyWithTownship,
  type CountyScene,
} from '../testing/hub-terminal';
import { hubRequest, type HubClientOptions } from './client';
import { REFERENCE_APPLIERS } from '../app/reference-appliers';
import { publishReference } from './reference-client';

const YANTOU = '330324108';
/** Renamed by the county's second edition. */
const FANGAO = '330324108205';
/** Merged away by the county's second edition: retired at the terminal, never deleted. */
const AODI = '330324108206';
/** New in the county's second edition. */
const XINCUN = '330324108209';
const DEMO_TREE = resolve(__dirname, '../../../resources/demo-org-tree.json');

function refused(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** What a cycle may write, counted: a cycle with nothing new leaves every count as it was. */
function writes(h: Harness) {
  const count = (table: string) =>
    (h.backend.runtime.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ??
    0;
  return {
    audit: count('audit_log'),
    outbox: count('outbox'),
    units: count('org_units'),
    editions: h.backend.runtime.sqlite
      .prepare('SELECT kind, edition, applied_at FROM reference_editions ORDER BY kind')
      .all(),
  };
}

function unit(h: Harness, code: string) {
  return h.backend.runtime.sqlite
    .prepare('SELECT id, name, parent_id, retired_at, deleted_at FROM org_units WHERE code = ?')
    .get(code) as
    | {
        id: string;
        name: string;
        parent_id: string | null;
        retired_at: string | null;
        deleted_at: string | null;
      }
    | undefined;
}

// One real hub for the file, as in hub.test.ts: the county centre publishes, a township pulls.
describe('the terminal’s sync cycle of the county’s reference data', () => {
  let hub: CountyHub;
  let county: Harness;
  let township: Harness;
  let countyClient: HubClientOptions;
  let townshipAdmin: string;
  let treeEdition = 1;

  async function publishTree(units: PublishOrgTreeRequest['units']) {
    const published = await hubRequest(
      countyClient,
      'PUT',
      HUB_PATHS.adminOrgTree,
      orgTreeEditionSchema,
      { baseEdition: treeEdition, units },
    );
    treeEdition = published.edition;
    return published;
  }

  let scene: CountyScene;

  beforeAll(async () => {
    scene = await countyWithTownship();
    ({ hub, county, township, townshipAdmin } = scene);
    countyClient = {
      baseUrl: hub.url,
      token: county.backend.runtime.hubTokens.read(),
      appVersion: '0.0.0-test',
    };
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(() => scene?.close());

  it('shows the edition of the tree the terminal joined with, and that it is up to date', async () => {
    const status = await township.ok('hub.status', {}, townshipAdmin);
    expect(status.editions.map((e) => [e.kind, e.label, e.edition])).toEqual([
      ['orgTree', '组织机构', 1],
      ['catalogue', '事项目录', null],
      ['calendar', '节假日安排', null],
      ['disputeTypes', '纠纷类型', null],
      ['mediationReference', '调解参考数据', null],
      ['roster', '调解员名册', null],
    ]);
    // completeSetup ran the first cycle before it answered.
    expect(status.lastSyncAt).not.toBeNull();
    expect(status.lastSyncProblem).toBeNull();
  });

  it('brings a newer org tree to an enrolled terminal in one cycle: added, renamed, retired', async () => {
    const demo = JSON.parse(readFileSync(DEMO_TREE, 'utf8')) as {
      nodes: PublishOrgTreeRequest['units'];
    };
    const oldAodi = unit(township, AODI)!;
    const published = await publishTree([
      ...demo.nodes
        .filter((node) => node.code !== AODI)
        .map((node) => (node.code === FANGAO ? { ...node, name: '方岙新村' } : node)),
      { code: XINCUN, name: '岩头新村', level: 'village', parentCode: YANTOU },
    ]);
    expect(published.edition).toBe(2);

    const synced = await township.ok('hub.syncNow', {}, townshipAdmin);
    expect(synced.problem).toBeNull();
    expect(synced.applied).toEqual([
      {
        kind: 'orgTree',
        label: '组织机构',
        edition: 2,
        summary: '单位 58 个（新增 1、更名 1、调整上级 0、撤销 1）',
      },
    ]);
    expect(unit(township, XINCUN)).toMatchObject({
      id: orgUnitIdFromDivisionCode(XINCUN),
      name: '岩头新村',
      parent_id: orgUnitIdFromDivisionCode(YANTOU),
      retired_at: null,
    });
    expect(unit(township, FANGAO)?.name).toBe('方岙新村');
    // Kept with its id and records, retired rather than deleted.
    expect(unit(township, AODI)).toMatchObject({ id: oldAodi.id, deleted_at: null });
    expect(unit(township, AODI)?.retired_at).not.toBeNull();

    const status = await township.ok('hub.status', {}, townshipAdmin);
    expect(status.orgTreeEdition).toBe(2);
    expect(status.editions[0]).toMatchObject({
      kind: 'orgTree',
      edition: 2,
      publishedAt: published.publishedAt,
      summary: synced.applied[0]!.summary,
    });
    expect(status.editions[0]!.appliedAt).not.toBeNull();
    const audit = await township.ok('audit.list', { page: 1, pageSize: 5 }, townshipAdmin);
    expect(JSON.stringify(audit)).toContain('应用县级平台组织机构第 2 版');
  });

  it('writes nothing when the county has nothing newer', async () => {
    const before = writes(township);
    const synced = await township.ok('hub.syncNow', {}, townshipAdmin);
    expect(synced).toMatchObject({ applied: [], failed: [], problem: null });
    expect(writes(township)).toEqual(before);
  });

  it('joins a cycle in progress rather than running a second one', async () => {
    const sync = township.backend.runtime.hubSync;
    const first = sync.run();
    const second = sync.run();
    expect(second).toBe(first);
    await first;
    const next = sync.run();
    expect(next).not.toBe(first);
    await next;
  });

  describe('with a failing applier', () => {
    const saved = { ...REFERENCE_APPLIERS };
    afterEach(() => {
      Object.assign(REFERENCE_APPLIERS, saved);
    });

    it('rolls back only the failing kind, applies the others, and tries it again next cycle', async () => {
      const effects: string[] = [];
      REFERENCE_APPLIERS.calendar = async (trx, _edition, context) => {
        await trx
          .insertInto('holiday_calendar')
          .values({ year: 2099, holidays: '[]', workdays: '[]', source: 'test', loaded_at: '' })
          .execute();
        context.afterCommit(() => effects.push('calendar'));
        throw new Error('broken calendar');
      };
      REFERENCE_APPLIERS.disputeTypes = async (_trx, edition, context) => {
        context.afterCommit(() =>
          effects.push(`disputeTypes committed=${!township.backend.runtime.sqlite.inTransaction}`),
        );
        return `纠纷类型 ${edition.payload.types.length} 类`;
      };
      await publishReference(countyClient, 'calendar', {
        baseEdition: 0,
        payload: { years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } },
      });
      const disputeTypes = JSON.parse(
        readFileSync(resolve(__dirname, '../../../resources/dispute-types.json'), 'utf8'),
      );
      await publishReference(countyClient, 'disputeTypes', {
        baseEdition: 0,
        payload: disputeTypes,
      });

      const synced = await township.ok('hub.syncNow', {}, townshipAdmin);
      expect(synced.applied.map((kind) => kind.kind)).toEqual(['disputeTypes']);
      expect(synced.failed).toEqual([
        {
          kind: 'calendar',
          label: '节假日安排',
          edition: 1,
          message: expect.stringContaining('broken calendar'),
        },
      ]);
      expect(synced.problem).toContain('节假日安排第 1 版未能应用');
      expect(effects).toEqual(['disputeTypes committed=true']);
      const year2099 = township.backend.runtime.sqlite
        .prepare('SELECT count(*) FROM holiday_calendar WHERE year = 2099')
        .pluck()
        .get();
      expect(year2099).toBe(0);
      const status = await township.ok('hub.status', {}, townshipAdmin);
      const edition = (kind: string) => status.editions.find((e) => e.kind === kind)?.edition;
      expect([edition('calendar'), edition('disputeTypes'), edition('roster')]).toEqual([
        null,
        1,
        null,
      ]);
      expect(status.lastSyncProblem).toContain('节假日安排第 1 版未能应用');

      REFERENCE_APPLIERS.calendar = async () => '节假日 1 年';
      const again = await township.ok('hub.syncNow', {}, townshipAdmin);
      expect(again.applied.map((kind) => kind.kind)).toEqual(['calendar']);
      expect(again.problem).toBeNull();
    });
  });

  it('records an unreachable hub as the last problem and changes nothing', async () => {
    const rt = township.backend.runtime;
    await putSetting(rt.db, 'hub_url', 'http://127.0.0.1:9');
    const before = writes(township);
    try {
      const synced = await township.ok('hub.syncNow', {}, townshipAdmin);
      expect(synced.problem).toMatch(/无法连接县级平台/);
      const status = await township.ok('hub.status', {}, townshipAdmin);
      expect(status.lastSyncProblem).toMatch(/无法连接县级平台/);
      expect(status.state).toBe('connected');
      expect(writes(township)).toEqual(before);
      expect(rt.hubSync.scheduled()).toBe(true);
    } finally {
      await putSetting(rt.db, 'hub_url', hub.url);
    }
  });

  it('tells a revoked terminal so, records it and stops its minute timer', async () => {
    const countyAdmin = (
      await county.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD })
    ).token;
    const listed = await county.ok('hub.listTerminals', {}, countyAdmin);
    const target = listed.find((t) => t.orgUnit.code === YANTOU)!;
    await county.ok('hub.revokeTerminal', { terminalId: target.terminalId }, countyAdmin);
    const rt = township.backend.runtime;
    expect(rt.hubSync.scheduled()).toBe(true);

    const synced = await township.ok('hub.syncNow', {}, townshipAdmin);
    expect(synced.problem).toMatch(/终端已被县级平台停用/);
    expect(rt.hubSync.scheduled()).toBe(false);
    expect((await township.ok('hub.status', {}, townshipAdmin)).state).toBe('revoked');
    expect(refused(await township.call('hub.syncNow', {}, townshipAdmin))).toMatchObject({
      code: 'HUB_TERMINAL_REVOKED',
      message: expect.stringMatching(/本机数据仍可离线使用/),
    });
  });
});
