import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/api';
import {
  mediationSettingsIdFromOrgUnit,
  orgUnitIdFromDivisionCode,
} from '@shared/sync/natural-ids';
import { loadCalendar } from '../calendar/service';
import { createSignedInUser, type Harness } from '../testing/harness';
import {
  COUNTY_SCENE_TIMEOUT_MS,
  countyWithTownship,
  type CountyScene,
} from '../testing/hub-terminal';
import { pullAndApply } from '../testing/reference-apply';

/** Two townships of the demo county that `npm run hub` serves, and a village of the first. */
const YANTOU = '330324108';
const YANTOU_VILLAGE = '330324108001';
const DONGCHENG = '330324001';

function refused(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

function mediatorRows(h: Harness) {
  return h.backend.runtime.db
    .selectFrom('mediators')
    .select(['id', 'org_unit_id', 'name', 'active', 'county_registered'])
    .orderBy('id')
    .execute();
}

// One real hub for the file (npm run hub's code on PGlite in a temp folder): tests run in order and
// share it, as the county centre and a township of one county do.
describe('the county centre publishes reference data, a township applies it', () => {
  let county: Harness;
  let countyAdmin: string;
  let countySupervisor: string;
  let township: Harness;
  let townshipAdmin: string;

  let scene: CountyScene;

  beforeAll(async () => {
    scene = await countyWithTownship();
    ({ county, countyAdmin, township, townshipAdmin } = scene);
    countySupervisor = (
      await createSignedInUser(county, countyAdmin, {
        username: 'county_sup',
        displayName: '县司法局',
        role: 'supervisor',
      })
    ).token;
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(() => scene?.close());

  it('publishes every committee of the county; the township gets its own and below, with the same ids', async () => {
    const add = (orgUnitCode: string, name: string, committeeKind: string) =>
      county.ok(
        'mediators.create',
        {
          name,
          committeeKind,
          background: 'village_cadre',
          orgUnitId: orgUnitIdFromDivisionCode(orgUnitCode),
        },
        countySupervisor,
      );
    const yantou = await add(YANTOU, '周调解', 'township');
    const village = await add(YANTOU_VILLAGE, '吴村调', 'village');
    const dongcheng = await add(DONGCHENG, '郑东城', 'township');
    await county.ok(
      'mediators.setActive',
      { mediatorId: village.id, active: false },
      countySupervisor,
    );

    const published = await county.ok('hub.publishRoster', {}, countySupervisor);
    expect(published).toEqual({
      kind: 'roster',
      edition: 1,
      summary: '调解员 3 人（新增 0、更新 3、停用 0）',
    });
    expect((await mediatorRows(county)).every((row) => row.county_registered === 1)).toBe(true);

    expect(await pullAndApply(township, 'roster')).toBe('调解员 2 人（新增 2、更新 0、停用 0）');
    const here = await mediatorRows(township);
    expect(here).toEqual((await mediatorRows(county)).filter((row) => row.id !== dongcheng.id));
    expect(here.map((row) => [row.id, row.active])).toEqual(
      [
        [yantou.id, 1],
        [village.id, 0],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });

  it('refuses a publish built on an edition older than the hub’s, and a township that publishes', async () => {
    await county.backend.runtime.db
      .deleteFrom('reference_editions')
      .where('kind', '=', 'roster')
      .execute();
    expect(refused(await county.call('hub.publishRoster', {}, countySupervisor))).toMatchObject({
      code: 'REFERENCE_EDITION_STALE',
      message: expect.stringMatching(/已有比本终端更新的版本/),
    });
    const townshipSupervisor = (
      await createSignedInUser(township, townshipAdmin, {
        username: 'yt_sup',
        displayName: '岩头调委会',
        role: 'supervisor',
      })
    ).token;
    expect(refused(await township.call('hub.publishRoster', {}, townshipSupervisor))).toMatchObject(
      { code: 'HUB_COUNTY_ONLY' },
    );
    expect(
      refused(await township.call('hub.publishReference', { kind: 'calendar' }, townshipAdmin)),
    ).toMatchObject({ code: 'HUB_COUNTY_ONLY' });

    // The township's own committee settings get the id every terminal derives from its unit.
    await township.ok(
      'mediation.updateSettings',
      { abbreviation: '岩', riskThresholds: { amountFen: null, people: null } },
      townshipSupervisor,
    );
    const settings = await township.backend.runtime.db
      .selectFrom('mediation_settings')
      .select('id')
      .executeTakeFirstOrThrow();
    expect(settings.id).toBe(mediationSettingsIdFromOrgUnit(orgUnitIdFromDivisionCode(YANTOU)));
  });

  it('publishes the calendar and the mediation lists, which the township then holds alike', async () => {
    const rt = county.backend.runtime;
    await rt.db
      .insertInto('holiday_calendar')
      .values({
        year: 2027,
        holidays: JSON.stringify(['2027-01-01']),
        workdays: '[]',
        source: 'file',
        loaded_at: rt.stamper.nowIso(),
      })
      .execute();
    rt.calendar.invalidate();
    const calendar = await county.ok('hub.publishReference', { kind: 'calendar' }, countyAdmin);
    expect(calendar).toMatchObject({ kind: 'calendar', edition: 1 });
    expect(await pullAndApply(township, 'calendar')).toMatch(/^节假日安排 \d+ 年（新增 1、/);
    expect(await loadCalendar(township.backend.runtime.db)).toEqual(await loadCalendar(rt.db));

    const types = await county.ok('hub.publishReference', { kind: 'disputeTypes' }, countyAdmin);
    expect(types).toEqual({
      kind: 'disputeTypes',
      edition: 1,
      summary: '纠纷类型 15 类（2025.1）',
    });
    expect(await pullAndApply(township, 'disputeTypes')).toBe('纠纷类型 15 类（2025.1）');
    const held = await township.ok('hub.heldReference', {}, townshipAdmin);
    expect(held.map((kind) => [kind.kind, kind.edition])).toEqual([
      ['catalogue', null],
      ['calendar', 1],
      ['disputeTypes', 1],
      ['mediationReference', null],
      ['roster', 1],
    ]);
    const again = await county.ok('hub.publishReference', { kind: 'disputeTypes' }, countyAdmin);
    expect(again.edition).toBe(2);
  });
});
