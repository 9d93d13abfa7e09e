import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '@shared/sync/records-contract';
import { YANTOU } from '@shared/testing/org-units';
import { ADMIN_PASSWORD } from '../../testing/harness';
import { COUNTY_SCENE_TIMEOUT_MS } from '../../testing/hub-terminal';
import { seededRandom, type FaultPlan } from '../../testing/fault-proxy';
import { endChecks } from '../../testing/faults/checks';
import { createResident, syncOnce, syncUntilQuiet } from '../../testing/faults/drive';
import { readHubState, type HubState } from '../../testing/faults/hub-state';
import {
  PASS,
  startFaultScene,
  type FaultScene,
  type FaultTerminal,
} from '../../testing/faults/scene';

/** The first push meets `kind`; everything else passes. */
function firstPush(kind: 'cutAfter' | 'delay'): FaultPlan {
  let met = false;
  return (request) => {
    if (met || request.path !== SYNC_PATHS.push) return { kind: 'pass' };
    met = true;
    return kind === 'delay' ? { kind, ms: 3_000 } : { kind };
  };
}

function residentIds(t: FaultTerminal): string[] {
  const rows = t.h.backend.runtime.sqlite.prepare('SELECT id FROM residents ORDER BY id').all();
  return (rows as { id: string }[]).map((row) => row.id);
}

const CASE_TIMEOUT_MS = 10 * 60_000;

describe('sync faults, case by case (one 岩头镇 terminal behind a fault proxy)', () => {
  let scene: FaultScene;
  let t: FaultTerminal;
  const random = seededRandom(15);

  /** The hub's store as its folder holds it; the hub is stopped to read it and started again. */
  async function hubState(): Promise<HubState> {
    await scene.hub.stop();
    const state = await readHubState(`${scene.hubDir}/hub`);
    await scene.restartHub();
    return state;
  }

  async function expectConverged(): Promise<HubState> {
    await syncUntilQuiet(scene.terminals);
    const status = await t.h.ok('sync.status', {}, t.session);
    expect(status).toMatchObject({ waiting: 0, problems: 0 });
    const hub = await hubState();
    expect(await endChecks(scene.terminals, hub)).toEqual([]);
    expect(hub.rejections).toEqual([]);
    return hub;
  }

  beforeAll(async () => {
    scene = await startFaultScene([{ name: '岩头镇一号', division: YANTOU.divisionCode }]);
    t = scene.terminals[0]!;
  }, COUNTY_SCENE_TIMEOUT_MS);

  afterAll(async () => {
    await scene?.close();
  }, 60_000);

  it(
    'a push whose answer is lost after the hub committed is applied once, and nothing waits',
    async () => {
      t.proxy.setPlan(firstPush('cutAfter'));
      await createResident(t, random);
      await syncOnce(t);
      expect(t.proxy.counts.cutAfter).toBe(1);
      t.proxy.setPlan(PASS);
      const hub = await expectConverged();
      expect(hub.records.filter((r) => r.table === 'residents')).toHaveLength(1);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'a terminal restored from a backup taken before its last push keeps pushing and loses nothing',
    async () => {
      await createResident(t, random);
      const backup = await t.h.ok('backups.create', {}, t.session);
      await createResident(t, random);
      await syncUntilQuiet(scene.terminals);
      const beforeRestore = residentIds(t);
      await t.h.ok('backups.restore', { name: backup.name }, t.session);
      t.session = (
        await t.h.ok('auth.signIn', { username: t.username, password: ADMIN_PASSWORD })
      ).token;
      await createResident(t, random);
      const hub = await expectConverged();
      const after = residentIds(t);
      expect(after).toEqual(expect.arrayContaining(beforeRestore));
      expect(after).toHaveLength(beforeRestore.length + 1);
      expect(hub.records.filter((r) => r.table === 'residents')).toHaveLength(after.length);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    'the hub restarted while a push is on its way: the entries go up after, once',
    async () => {
      t.proxy.setPlan(firstPush('delay'));
      await createResident(t, random);
      const cycle = syncOnce(t);
      await scene.restartHub();
      await cycle;
      t.proxy.setPlan(PASS);
      const hub = await expectConverged();
      expect(hub.records.filter((r) => r.table === 'residents')).toHaveLength(
        residentIds(t).length,
      );
    },
    CASE_TIMEOUT_MS,
  );
});
