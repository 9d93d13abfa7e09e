import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/service';
import { ANONYMOUS } from '../core/context';
import type { Database } from '../db/schema';
import {
  readMarker,
  removeLeftoverMarkers,
  writeMarker,
  writeMarkerUnflushed,
  type EpochMarker,
} from './marker';
import {
  currentEpoch,
  liveCounters,
  outboxHighWater,
  raiseCounters,
  raiseSteppedVersionTo,
  renumberEntries,
  setEpoch,
  steppedVersion,
  unpushedSeqs,
} from './repository';

/*
 * The terminal epoch (issue 15; README, "Sync"). An outbox entry is pushed under the key
 * (terminal, epoch, seq) and the hub skips every seq it has decided for that epoch. A database put
 * back to an earlier state issues again the seqs it had issued after that state; under the old
 * epoch the hub would take those new entries for duplicates and drop them. So whenever the
 * database may have gone back in time it gets a new epoch:
 * - the app's own restore, always, before the restored file is used (settleEpochAtOpen, restored);
 * - a file swapped while the app was off: its epoch, or its outbox high-water mark, disagrees with
 *   the marker this installation keeps beside it (marker.ts);
 * - what both missed (the marker went back with the file): the hub answering decidedThrough beyond
 *   anything this database has issued in its current epoch (startEpochAfterHubAhead).
 *
 * The rule for the entries: an entry keeps the epoch and seq it was numbered with. Entries written
 * before the restore that the restored file still holds unpushed are copies of entries the old file
 * had, under the same key, so the hub's deduplication is right for them (it took them already, or
 * takes them now, once). Only entries numbered after the restore can collide with what the hub has
 * seen, and they are numbered in the new epoch. When the hub has to tell (the marker missed the
 * restore), this terminal cannot know where the restore happened, so every unpushed entry of the
 * epoch moves to the new one, in order: an entry the hub already had then arrives a second time
 * under a new key, and carries the record's same version, which the hub's field merge takes as
 * already applied; losing an entry would be the worse mistake.
 */

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

const DAY_MS = 24 * 60 * 60 * 1000;

export type EpochReason =
  'restored' | 'replaced' | 'rolled-back' | 'marker-unreadable' | 'no-marker' | 'hub-ahead';

const REASON_TEXT: Record<EpochReason, string> = {
  restored: '从备份恢复了数据库',
  replaced: '数据库文件与本机上次使用的不是同一份（可能从其他电脑复制或被替换）',
  'rolled-back': '数据库文件比本机上次使用时旧（可能在软件关闭时被换回了备份）',
  'marker-unreadable': '本机的同步标记文件无法读取',
  'no-marker': '数据文件夹中没有本机的同步标记文件（数据库可能从其他电脑复制而来）',
  'hub-ahead': '县级平台已收到的本机修改比本机数据库记录的多（数据库可能被换回了备份）',
};

/** Counters of the last two days' case numbers and of this and last year's dispute numbers. */
function counterWindow(nowIso: string): { fromDay: string; fromYear: number } {
  const from = new Date(Date.parse(nowIso) - 2 * DAY_MS).toISOString();
  return {
    fromDay: from.slice(0, 10).replaceAll('-', ''),
    fromYear: Number(nowIso.slice(0, 4)) - 1,
  };
}

/** The live number counters of a database, for the marker or to carry over a restore. */
export async function liveNumberCounters(
  db: Db | Trx,
  nowIso: string,
): Promise<Record<string, number>> {
  const { fromDay, fromYear } = counterWindow(nowIso);
  return liveCounters(db, fromDay, fromYear);
}

/** What the marker said last, per data folder, so that a refresh that would change nothing writes nothing. */
const lastWritten = new Map<string, string>();
/** Refreshes one after another: an older one finishing last would leave the marker behind a push. */
let refreshing: Promise<void> = Promise.resolve();

async function currentMarker(db: Db, nowIso: string): Promise<EpochMarker | null> {
  const epoch = await currentEpoch(db);
  if (!epoch) return null;
  const stepped = await steppedVersion(db);
  return {
    epoch,
    outboxSeq: await outboxHighWater(db),
    counters: await liveNumberCounters(db, nowIso),
    ...(stepped ? { steppedVersion: stepped } : {}),
    writtenAt: nowIso,
  };
}

function sameAs(marker: EpochMarker): string {
  return JSON.stringify([marker.epoch, marker.outboxSeq, marker.counters, marker.steppedVersion]);
}

/**
 * Writes the marker from what the database holds now. The pusher calls it before each push: the
 * marker then covers every seq the hub can have decided, so a file put back by hand is caught at the
 * next start even after a crash between the hub's commit and the terminal's. The app also writes it
 * at start, hourly and at shutdown, which keeps its number counters close (see README). About 7 ms
 * on a ten-year database (the two index reads), nothing when nothing changed.
 */
export function refreshEpochMarker(db: Db, dataDir: string, nowIso: string): Promise<void> {
  const next = refreshing.then(async () => {
    const marker = await currentMarker(db, nowIso);
    if (!marker || lastWritten.get(dataDir) === sameAs(marker)) return;
    await writeMarkerUnflushed(dataDir, marker);
    lastWritten.set(dataDir, sameAs(marker));
  });
  refreshing = next.catch(() => undefined);
  return next;
}

/** At an open and when the epoch changes: flushed, whatever the last refresh wrote. */
async function writeMarkerNow(db: Db, dataDir: string, nowIso: string): Promise<void> {
  await refreshing;
  const marker = await currentMarker(db, nowIso);
  if (!marker) return;
  writeMarker(dataDir, marker);
  lastWritten.set(dataDir, sameAs(marker));
}

async function beginEpoch(
  trx: Trx,
  nowIso: string,
  terminalId: string | null,
  reason: EpochReason,
  detail: string | null,
): Promise<string> {
  const epoch = randomUUID();
  await setEpoch(trx, epoch, nowIso);
  await appendAudit(trx, nowIso, ANONYMOUS, terminalId, {
    action: 'sync.epoch',
    objectType: 'sync_epoch',
    objectId: epoch,
    detail: [`开始新的同步批次：${REASON_TEXT[reason]}`, detail].filter(Boolean).join('；'),
  });
  return epoch;
}

export interface OpenedEpoch {
  epoch: string;
  /** Set when this start began a new epoch. */
  reason: EpochReason | null;
  /** Number counters raised to what was printed before (the marker's, or the replaced file's). */
  countersRaised: number;
  /** The highest version an update stepped to, carried over like the counters (Stamper.stepPast). */
  steppedVersion: string | null;
}

export interface SettleOptions {
  dataDir: string;
  nowIso: string;
  terminalId: string | null;
  /**
   * This open follows the app's own restore: the backup's name and the replaced file's counters and
   * stepped version.
   */
  restored?:
    | { backup: string; counters: Record<string, number>; steppedVersion?: string | null }
    | undefined;
  /** The migration that created sync_state ran in this open: its epoch is new already. */
  epochJustCreated: boolean;
}

function reasonToChange(
  options: SettleOptions,
  epoch: string,
  highWater: number,
  reading: ReturnType<typeof readMarker>,
): EpochReason | null {
  if (options.restored) return 'restored';
  if (reading.kind === 'unreadable') return 'marker-unreadable';
  if (reading.kind === 'missing') return options.epochJustCreated ? null : 'no-marker';
  if (reading.marker.epoch !== epoch) return 'replaced';
  if (highWater < reading.marker.outboxSeq) return 'rolled-back';
  return null;
}

/**
 * At every open of the database, before anything is written to it: a new epoch when it was restored
 * or replaced, the number counters raised to what this installation printed before, and the marker
 * written for the database as it now is.
 */
export async function settleEpochAtOpen(db: Db, options: SettleOptions): Promise<OpenedEpoch> {
  removeLeftoverMarkers(options.dataDir);
  const reading = readMarker(options.dataDir);
  const opened = await db.transaction().execute(async (trx) => {
    const epoch = await currentEpoch(trx);
    if (!epoch) return null;
    const highWater = await outboxHighWater(trx);
    const reason = reasonToChange(options, epoch, highWater, reading);
    const counters: Record<string, number> = {};
    const known = [
      reading.kind === 'found' ? reading.marker.counters : {},
      options.restored?.counters ?? {},
    ];
    for (const source of known)
      for (const [scope, last] of Object.entries(source))
        counters[scope] = Math.max(counters[scope] ?? 0, last);
    const countersRaised = await raiseCounters(trx, counters);
    await raiseSteppedVersionTo(trx, [
      reading.kind === 'found' ? reading.marker.steppedVersion : null,
      options.restored?.steppedVersion,
    ]);
    const stepped = await steppedVersion(trx);
    if (!reason) return { epoch, reason, countersRaised, steppedVersion: stepped };
    const detail = [
      options.restored ? `备份 ${options.restored.backup}` : null,
      reading.kind === 'found'
        ? `本机上次记录：批次 ${reading.marker.epoch}，修改序号至 ${reading.marker.outboxSeq}；数据库中：批次 ${epoch}，修改序号至 ${highWater}`
        : null,
      countersRaised > 0
        ? `已将 ${countersRaised} 个编号计数器调到恢复前的位置，编号不会重复`
        : null,
    ]
      .filter(Boolean)
      .join('；');
    const next = await beginEpoch(trx, options.nowIso, options.terminalId, reason, detail);
    return { epoch: next, reason, countersRaised, steppedVersion: stepped };
  });
  if (!opened) return { epoch: '', reason: null, countersRaised: 0, steppedVersion: null };
  await writeMarkerNow(db, options.dataDir, options.nowIso);
  return opened;
}

export interface HubAheadInput {
  dataDir: string;
  nowIso: string;
  terminalId: string | null;
  /** The epoch the push was made in. */
  epoch: string;
  /** What the hub answered: every seq of that epoch up to here is decided there. */
  decidedThrough: number;
}

/**
 * For the pusher, with the hub's answer, before it marks anything pushed: when the hub has decided
 * seqs of this database's current epoch beyond any it has issued, the database went back in time
 * without the marker noticing. Then, in one transaction, a new epoch begins and every unpushed
 * entry of the old one moves into it, in order, with new seqs (see the rule at the top); the marker
 * follows. Returns the new epoch and how many entries moved, or null when nothing was wrong (an
 * earlier epoch's leftovers after a known restore are behind the hub by design and stay as they are).
 */
export async function startEpochAfterHubAhead(
  db: Db,
  input: HubAheadInput,
): Promise<{ epoch: string; moved: number } | null> {
  const result = await db.transaction().execute(async (trx) => {
    if ((await currentEpoch(trx)) !== input.epoch) return null;
    const highWater = await outboxHighWater(trx);
    if (input.decidedThrough <= highWater) return null;
    const seqs = await unpushedSeqs(trx, input.epoch);
    const epoch = await beginEpoch(
      trx,
      input.nowIso,
      input.terminalId,
      'hub-ahead',
      `县级平台已处理至第 ${input.decidedThrough} 条，本机数据库只编到第 ${highWater} 条；未上传的 ${seqs.length} 条修改按原顺序改入新批次`,
    );
    await renumberEntries(trx, seqs, highWater + 1, epoch);
    return { epoch, moved: seqs.length };
  });
  if (result) await writeMarkerNow(db, input.dataDir, input.nowIso);
  return result;
}
