import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { CLERK } from '@shared/testing/people';
import { DATABASE_FILE } from '../app/open-runtime';
import { NEW_ADMIN_PASSWORD, type Harness } from '../testing/harness';
import { NEW_CLERK, test } from '../testing/fixtures';
import { counterTest, SCENE_TIMEOUT_MS } from '../testing/cases';
import { COMPLETE } from '../testing/township';
import { recordPushedThrough } from '../core/pushed-through';
import { markerPath, readMarker, writeMarkerUnflushed } from './marker';
import { liveNumberCounters, startEpochAfterHubAhead } from './service';

async function epochOf(h: Harness): Promise<string> {
  const row = await h.backend.runtime.db
    .selectFrom('sync_state')
    .select('epoch')
    .executeTakeFirstOrThrow();
  return row.epoch;
}

/** What the audit log says of new epochs, as the 审计日志 page lists it. */
async function epochEntries(h: Harness): Promise<string[]> {
  const rows = await h.backend.runtime.db
    .selectFrom('audit_log')
    .select('detail')
    .where('action', '=', 'sync.epoch')
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.detail ?? '');
}

/** The database file as it stands with the app closed (a clean close leaves no WAL behind). */
function copyDatabase(h: Harness, to: string): void {
  copyFileSync(join(h.dataDir, DATABASE_FILE), to);
}

/** Puts a copy back in place of the database, as someone would by hand with the app off. */
function putBack(h: Harness, from: string): void {
  const file = join(h.dataDir, DATABASE_FILE);
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(from, file);
}

async function signIn(h: Harness, username: string): Promise<string> {
  return (await h.ok('auth.signIn', { username, password: NEW_ADMIN_PASSWORD })).token;
}

describe('the terminal epoch', () => {
  test('stays the same across a plain restart, and the marker beside the database says so', async ({
    harness: h,
    township: _,
  }) => {
    const epoch = await epochOf(h);
    await h.restart();
    expect(await epochOf(h)).toBe(epoch);
    const reading = readMarker(h.dataDir);
    expect(reading).toMatchObject({ kind: 'found', marker: { epoch } });
    expect(await epochEntries(h)).toEqual([]);
  });

  test("the app's own restore gives the restored database a new epoch before it is used", async ({
    harness: h,
    township: { admin },
  }) => {
    const before = await epochOf(h);
    const backup = await h.ok('backups.create', {}, admin);
    h.clock.advance(1000);
    await h.ok('backups.restore', { name: backup.name }, admin);
    const after = await epochOf(h);
    expect(after).not.toBe(before);
    expect(await epochEntries(h)).toEqual([
      expect.stringContaining(`开始新的同步批次：从备份恢复了数据库；备份 ${backup.name}`),
    ]);
    expect(readMarker(h.dataDir)).toMatchObject({ kind: 'found', marker: { epoch: after } });
    // The entries the restored file holds keep the epoch they were numbered in; new ones take the new.
    const { db } = h.backend.runtime;
    const held = await db.selectFrom('outbox').select('seq').orderBy('seq', 'desc').execute();
    const token = await signIn(h, 'admin');
    await h.ok(
      'users.create',
      { username: 'later2', displayName: '恢复后', role: 'clerk', initialPassword: 'Later#2026' },
      token,
    );
    const epochs = await db
      .selectFrom('outbox')
      .select(['seq', 'epoch'])
      .where('seq', '>', held[0]!.seq)
      .execute();
    expect(epochs.length).toBeGreaterThan(0);
    expect(new Set(epochs.map((row) => row.epoch))).toEqual(new Set([after]));
    const older = await db
      .selectFrom('outbox')
      .select('epoch')
      .distinct()
      .where('seq', '<=', held[0]!.seq)
      .execute();
    expect(older.map((row) => row.epoch)).toEqual([before]);
  });

  test('a database put back by hand while the app was off gets a new epoch at the next start', async ({
    harness: h,
    township: { admin },
  }) => {
    const snapshot = join(h.dataDir, 'copied-by-hand.sqlite');
    await h.restart(() => copyDatabase(h, snapshot));
    const epoch = await epochOf(h);
    const token = await signIn(h, 'admin');
    void admin;
    await h.ok(
      'users.create',
      { username: 'later1', displayName: '后来者', role: 'clerk', initialPassword: 'Later#2026' },
      token,
    );
    await h.restart(() => putBack(h, snapshot));
    expect(await epochOf(h)).not.toBe(epoch);
    expect(await epochEntries(h)).toEqual([
      expect.stringMatching(
        /^开始新的同步批次：数据库文件比本机上次使用时旧.*修改序号至 \d+；数据库中：批次 .*修改序号至 \d+/,
      ),
    ]);
  });

  test('a database from another PC, or one whose marker is gone or unreadable, gets a new epoch', async ({
    harness: h,
    township: _,
  }) => {
    const epoch = await epochOf(h);
    await h.restart(() => rmSync(markerPath(h.dataDir)));
    const second = await epochOf(h);
    expect(second).not.toBe(epoch);
    await h.restart(() => writeFileSync(markerPath(h.dataDir), '{"epoch":'));
    const third = await epochOf(h);
    expect(third).not.toBe(second);
    // Another installation's marker: same shape, another epoch.
    await h.restart(() =>
      writeFileSync(
        markerPath(h.dataDir),
        JSON.stringify({ epoch: 'another-pc', outboxSeq: 1, counters: {}, writtenAt: '' }),
      ),
    );
    expect(await epochOf(h)).not.toBe(third);
    expect((await epochEntries(h)).map((detail) => detail.split('；')[0])).toEqual([
      '开始新的同步批次：数据文件夹中没有本机的同步标记文件（数据库可能从其他电脑复制而来）',
      '开始新的同步批次：本机的同步标记文件无法读取',
      '开始新的同步批次：数据库文件与本机上次使用的不是同一份（可能从其他电脑复制或被替换）',
    ]);
    expect(existsSync(markerPath(h.dataDir))).toBe(true);
  });
});

describe('a new epoch when the hub has decided more than this database issued', () => {
  test('moves the unpushed entries of the epoch into a new one, in order, in one go', async ({
    harness: h,
    township: _,
  }) => {
    const { db } = h.backend.runtime;
    const epoch = await epochOf(h);
    const all = await db.selectFrom('outbox').select(['seq', 'record_id']).orderBy('seq').execute();
    expect(all.length).toBeGreaterThan(3);
    const pushedThrough = all[1]!.seq;
    recordPushedThrough(h.backend.runtime.sqlite, epoch, pushedThrough);
    const highWater = all.at(-1)!.seq;
    const input = { dataDir: h.dataDir, nowIso: '2026-11-27T02:00:00.000Z', terminalId: null };

    // The hub has no more than this database: nothing to do.
    expect(
      await startEpochAfterHubAhead(db, { ...input, epoch, decidedThrough: highWater }),
    ).toBeNull();

    const moved = await startEpochAfterHubAhead(db, {
      ...input,
      epoch,
      decidedThrough: highWater + 40,
    });
    expect(moved).toMatchObject({ moved: all.length - 2 });
    const next = moved!.epoch;
    expect(await epochOf(h)).toBe(next);
    const after = await db
      .selectFrom('outbox')
      .select(['seq', 'record_id', 'epoch', 'pushed_at'])
      .orderBy('seq')
      .execute();
    expect(after.slice(0, 2)).toMatchObject(all.slice(0, 2).map((row) => ({ ...row, epoch })));
    // The rest keep their order, numbered on from the highest seq ever issued, contiguously.
    expect(after.slice(2)).toEqual(
      all.slice(2).map((row, index) => ({
        seq: highWater + 1 + index,
        record_id: row.record_id,
        epoch: next,
        pushed_at: null,
      })),
    );
    // The next entry written follows them.
    const { rows } = await sql<{
      seq: number;
    }>`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`.execute(db);
    expect(rows[0]?.seq).toBe(highWater + all.length - 2);
    expect(readMarker(h.dataDir)).toMatchObject({
      kind: 'found',
      marker: { epoch: next, outboxSeq: highWater + all.length - 2 },
    });
    expect(await epochEntries(h)).toEqual([
      `开始新的同步批次：县级平台已收到的本机修改比本机数据库记录的多（数据库可能被换回了备份）；县级平台已处理至第 ${highWater + 40} 条，本机数据库只编到第 ${highWater} 条；未上传的 ${all.length - 2} 条修改按原顺序改入新批次`,
    ]);

    // An earlier epoch's leftovers behind the hub are expected after a known restore: untouched.
    expect(
      await startEpochAfterHubAhead(db, { ...input, epoch, decidedThrough: highWater + 99 }),
    ).toBeNull();
    expect(await epochOf(h)).toBe(next);
  });
});

describe('numbers are never printed twice after a restore', () => {
  counterTest(
    "the app's own restore keeps the case numbers printed since the backup",
    async ({ harness: h, township: s }) => {
      expect((await s.takeIn()).caseNo).toMatch(/-0001$/);
      const backup = await h.ok('backups.create', {}, s.admin);
      expect((await s.takeIn()).caseNo).toMatch(/-0002$/);
      await h.ok('backups.restore', { name: backup.name }, s.admin);
      const clerk = await signIn(h, CLERK.username);
      const again = await h.ok(
        'cases.intake',
        { residentId: s.residentId, itemId: s.itemId, outcome: 'complete', materials: COMPLETE },
        clerk,
      );
      expect(again.caseNo).toMatch(/-0003$/);
    },
    SCENE_TIMEOUT_MS,
  );

  counterTest(
    'a database put back by hand keeps the case numbers printed since the copy',
    async ({ harness: h, township: s }) => {
      expect((await s.takeIn()).caseNo).toMatch(/-0001$/);
      const snapshot = join(h.dataDir, 'copied-by-hand.sqlite');
      await h.restart(() => copyDatabase(h, snapshot));
      const clerk = await signIn(h, CLERK.username);
      const input = {
        residentId: s.residentId,
        itemId: s.itemId,
        outcome: 'complete',
        materials: COMPLETE,
      } as const;
      expect((await h.ok('cases.intake', input, clerk)).caseNo).toMatch(/-0002$/);
      await h.restart(() => putBack(h, snapshot));
      const after = await signIn(h, CLERK.username);
      expect((await h.ok('cases.intake', input, after)).caseNo).toMatch(/-0003$/);
    },
    SCENE_TIMEOUT_MS,
  );

  counterTest(
    'a case number already in the database (pulled back from the hub) is not issued again',
    async ({ harness: h, township: s }) => {
      const first = await s.takeIn();
      const { db } = h.backend.runtime;
      // The counter stands at 1; the file holds number 7, as a case numbered before the file was
      // put back would come back from the hub.
      const later = first.caseNo.replace(/-0001$/, '-0007');
      await db.updateTable('cases').set({ case_no: later }).where('id', '=', first.id).execute();
      expect((await s.takeIn()).caseNo).toBe(first.caseNo.replace(/-0001$/, '-0008'));
    },
    SCENE_TIMEOUT_MS,
  );
});

describe('a version stepped past a base ahead of the clock is never issued twice', () => {
  test('also after the database was put back by hand to before the edit', async ({
    harness: h,
    township: { admin },
  }) => {
    const clerk = await h.ok('users.create', NEW_CLERK, admin);
    const versionOf = async () =>
      (
        await h.backend.runtime.db
          .selectFrom('users')
          .select('version')
          .where('id', '=', clerk.id)
          .executeTakeFirstOrThrow()
      ).version;
    // As a change from a PC whose clock is a year fast would have stamped it.
    const now = await versionOf();
    const ahead = `${Number(now.slice(0, 4)) + 1}${now.slice(4)}`;
    await h.backend.runtime.db
      .updateTable('users')
      .set({ version: ahead })
      .where('id', '=', clerk.id)
      .execute();
    const snapshot = join(h.dataDir, 'copied-by-hand.sqlite');
    await h.restart(() => copyDatabase(h, snapshot));
    const change = { userId: clerk.id, role: 'clerk', orgUnitId: clerk.orgUnitId } as const;
    await h.ok('users.update', { ...change, displayName: '王芳芳' }, await signIn(h, 'admin'));
    const first = await versionOf();
    await h.restart(() => putBack(h, snapshot));
    expect(await versionOf()).toBe(ahead);
    await h.ok('users.update', { ...change, displayName: '王芳' }, await signIn(h, 'admin'));
    const second = await versionOf();
    expect(first > ahead).toBe(true);
    expect(second > first).toBe(true);
  });
});

describe('the counters the marker keeps', () => {
  test('are the last days’ case counters and this and last year’s dispute counters only', async ({
    harness: h,
  }) => {
    const { db } = h.backend.runtime;
    const unit = '0192f0a0-0000-7000-8000-000000000001';
    await db
      .insertInto('case_sequences')
      .values([
        { scope: 'case:330302001:01:20261127', last: 4 },
        { scope: 'case:330302001:01:20261125', last: 9 },
        { scope: 'case:330302001:01:20261124', last: 7 },
        { scope: 'case:330302001:02:20250101', last: 3 },
        { scope: `dispute:${unit}:2026:乡01`, last: 12 },
        { scope: `dispute:${unit}:2025:01`, last: 30 },
        { scope: `dispute:${unit}:2024:01`, last: 41 },
      ])
      .execute();
    expect(await liveNumberCounters(db, '2026-11-27T02:00:00.000Z')).toEqual({
      'case:330302001:01:20261127': 4,
      'case:330302001:01:20261125': 9,
      [`dispute:${unit}:2026:乡01`]: 12,
      [`dispute:${unit}:2025:01`]: 30,
    });
  });
});

describe('the marker refreshed before a push', () => {
  test('leaves the marker it wrote and no temporary file, or, when it cannot rename, the old marker and no temporary file', async ({
    harness: h,
  }) => {
    const { dataDir } = h;
    const marker = (outboxSeq: number) => ({
      epoch: 'e',
      outboxSeq,
      counters: {},
      writtenAt: '2026-11-27T01:00:00.000Z',
    });
    const temporaries = () => readdirSync(dataDir).filter((name) => name.endsWith('.tmp'));
    await writeMarkerUnflushed(dataDir, marker(7));
    expect(readMarker(dataDir)).toMatchObject({ kind: 'found', marker: { outboxSeq: 7 } });
    expect(temporaries()).toEqual([]);

    // A folder in the marker's place: the rename fails after the temporary file was written.
    const other = mkdtempSync(join(tmpdir(), 'desk-marker-'));
    try {
      writeFileSync(join(other, 'keep'), '');
      renameSync(markerPath(dataDir), join(other, 'old-marker'));
      renameSync(other, markerPath(dataDir));
      await expect(writeMarkerUnflushed(dataDir, marker(8))).rejects.toThrow();
      expect(temporaries()).toEqual([]);
      expect(existsSync(join(markerPath(dataDir), 'old-marker'))).toBe(true);
    } finally {
      rmSync(markerPath(dataDir), { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });

  test('a temporary file left by a kill between write and rename is gone after the next start', async ({
    harness: h,
  }) => {
    const leftover = `${markerPath(h.dataDir)}.${'0'.repeat(8)}-kill.tmp`;
    writeFileSync(leftover, '{"epoch":');
    const unrelated = join(h.dataDir, 'notes.json.tmp');
    writeFileSync(unrelated, '');
    await h.restart();
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(unrelated)).toBe(true);
    expect(readMarker(h.dataDir)).toMatchObject({ kind: 'found' });
  });
});
