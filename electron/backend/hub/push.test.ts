import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SYNC_REJECTION_MESSAGES } from '@shared/sync/records-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { residentIdNumber } from '@shared/testing/people';
import { ADMIN_PASSWORD, type Harness } from '../testing/harness';
import {
  COUNTY_SCENE_TIMEOUT_MS,
  countyWithTownship,
  type CountyScene,
} from '../testing/hub-terminal';
import { HUB_START_TIMEOUT_MS } from '../testing/county-hub';
import { putSetting } from '../settings/service';
import { readSyncState } from './push-state';
import { readEnrolment } from './repository';

/** A village of 岩头镇: not the township's parent, so no terminal of the township may hand to it. */
const YANTOU_VILLAGE = orgUnitIdFromDivisionCode('330324108201');

let scene: CountyScene;
let h: Harness;
let admin: string;
let born = 0;

beforeAll(async () => {
  scene = await countyWithTownship();
  h = scene.township;
  admin = scene.townshipAdmin;
}, COUNTY_SCENE_TIMEOUT_MS);

afterAll(async () => {
  await scene?.close();
});

async function recordResident(name: string): Promise<string> {
  born += 1;
  const created = await h.ok(
    'residents.create',
    { docType: 'resident_id', docNumber: residentIdNumber('330324', '1980-01-01', born), name },
    admin,
  );
  return created.id;
}

const status = () => h.ok('sync.status', {}, admin);

/** A change as the log holds it, with what the test says instead of the row's values. */
async function logChange(recordId: string, set: Record<string, unknown>): Promise<void> {
  const rt = h.backend.runtime;
  const row = await rt.db
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', recordId)
    .executeTakeFirstOrThrow();
  const version = rt.stamper.nextVersion();
  await rt.db
    .insertInto('outbox')
    .values({
      table_name: 'residents',
      record_id: recordId,
      op: 'update',
      payload: JSON.stringify({ ...row, ...set, version }),
      base_version: row.version,
      version,
      org_unit_id: row.org_unit_id,
      created_at: rt.stamper.nowIso(),
      pushed_at: null,
      tx_id: randomUUID(),
      changed_columns: JSON.stringify(Object.keys(set)),
      schema_version: 28,
      epoch: (await readSyncState(rt.db)).epoch,
    })
    .execute();
}

describe('the terminal pushes its change log to the county hub', () => {
  it('names every pushed seq in the marker beside the database before the hub decides it', async () => {
    await recordResident('郑九');
    await vi.waitFor(async () => expect((await status()).waiting).toBe(0), {
      timeout: 15_000,
      interval: 200,
    });
    const rt = h.backend.runtime;
    const newest = await rt.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    // No hourly or shutdown refresh has run since the write: only the push can have written it.
    const marker = JSON.parse(readFileSync(join(rt.dataDir, 'sync-epoch.json'), 'utf8')) as {
      outboxSeq: number;
    };
    expect(marker.outboxSeq).toBeGreaterThanOrEqual(Number(newest.seq));
  });

  it('a resident recorded at the township goes up by itself soon after, no 立即同步 needed', async () => {
    await recordResident('周一');
    expect((await status()).waiting).toBeGreaterThan(0);
    await vi.waitFor(async () => expect((await status()).waiting).toBe(0), {
      timeout: 15_000,
      interval: 200,
    });
    const after = await status();
    expect(after).toMatchObject({ enrolled: true, online: true, problems: 0, lastError: null });
    expect(after.lastSyncAt).not.toBeNull();
  });

  it('a push the hub answered leaves the time of that contact, written with the answer', async () => {
    const rt = h.backend.runtime;
    await putSetting(rt.db, 'hub_last_contact_at', '');
    h.clock.advance(60_000);
    await recordResident('冯七');
    await rt.hubSync.push.run();
    expect((await status()).waiting).toBe(0);
    const contact = (await readEnrolment(rt.db))?.lastContactAt;
    expect(contact).toBe(rt.stamper.nowIso());
    expect(contact).toBe((await readSyncState(rt.db)).last_push_at);
  });

  it(
    'a hub stopped and started again gets what waited within 30 s of being back, without a new write',
    async () => {
      let backAt = 0;
      await scene.restartHub({
        whileStopped: async () => {
          await recordResident('吴二');
          // The push after the write meets no hub: the entry waits and the bar says 离线.
          await vi.waitFor(async () => expect((await status()).online).toBe(false), {
            timeout: 15_000,
            interval: 200,
          });
          expect((await status()).waiting).toBe(1);
        },
      });
      backAt = Date.now();
      await vi.waitFor(async () => expect((await status()).waiting).toBe(0), {
        timeout: 30_000,
        interval: 250,
      });
      expect(Date.now() - backAt).toBeLessThan(30_000);
      expect(await status()).toMatchObject({ online: true, problems: 0 });
    },
    HUB_START_TIMEOUT_MS + 60_000,
  );

  it('what the hub took stays taken across a restart: a push then sends only what was written since', async () => {
    await recordResident('钱五');
    await h.backend.runtime.hubSync.push.run();
    expect((await status()).waiting).toBe(0);
    await h.restart();
    admin = (await h.ok('auth.signIn', { username: 'yantou_admin', password: ADMIN_PASSWORD }))
      .token;
    expect((await status()).waiting).toBe(0);
    expect(await h.backend.runtime.hubSync.push.run()).toMatchObject({ state: 'done', pushed: 0 });
    await recordResident('孙六');
    await vi.waitFor(async () => expect((await status()).waiting).toBe(0), {
      timeout: 15_000,
      interval: 200,
    });
    expect(await status()).toMatchObject({ online: true, problems: 0 });
  });

  it('a refused change shows under 同步问题 and holds back only its own record until 重新提交', async () => {
    const refusedId = await recordResident('郑三');
    const otherId = await recordResident('王四');
    await h.backend.runtime.hubSync.push.run();
    // Handing a resident to a village is not this terminal's to do: the hub refuses it.
    await logChange(refusedId, { org_unit_id: YANTOU_VILLAGE });
    await logChange(refusedId, { phone: '13800000001' });
    await logChange(otherId, { phone: '13800000002' });
    await h.backend.runtime.hubSync.push.run();

    const problems = await h.ok('sync.problems', {}, admin);
    expect(problems.map((p) => [p.root.label, p.code])).toEqual([
      ['居民 郑三', 'RECORD_BLOCKED'],
      ['居民 郑三', 'OUT_OF_SCOPE'],
    ]);
    expect(problems[1]).toMatchObject({
      tableLabel: '居民',
      op: 'update',
      columns: ['org_unit_id'],
      message: SYNC_REJECTION_MESSAGES.OUT_OF_SCOPE,
    });
    expect(await status()).toMatchObject({ waiting: 0, problems: 2 });

    expect(
      await h.code('sync.settleProblem', { seq: problems[1]!.seq, action: 'resubmit' }, admin),
    ).toBe('OK');
    expect((await h.ok('sync.problems', {}, admin)).length).toBe(0);
    await h.backend.runtime.hubSync.push.run();
    expect(await status()).toMatchObject({ waiting: 0, problems: 0 });
    const settled = await h.ok('sync.problems', { includeSettled: true }, admin);
    expect(settled.every((p) => p.settledAt !== null)).toBe(true);
  });
});
