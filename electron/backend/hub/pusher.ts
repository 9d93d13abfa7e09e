import {
  SYNC_PATHS,
  SYNC_REJECTION_MESSAGES,
  pushResponseSchema,
  type PushResponse,
} from '@shared/sync/records-contract';
import type { Runtime } from '../core/runtime';
import { refreshEpochMarker } from '../epoch/service';
import { HubRefusal, HubUnreachable, JsonBytes, hubRequest, type HubClientOptions } from './client';
import { recordClockAhead } from './clock-ahead';
import { TOKEN_MISSING_MESSAGE, UNREACHABLE_MESSAGE } from './errors';
import { readEnrolment, recordContact, recordRevoked } from './repository';
import { epochBehindHub, type EpochBehindHub } from './push-epoch';
import {
  maxSeqOf,
  nextEpoch,
  pushRequestBody,
  readPushBatch,
  type OutgoingEntry,
} from './push-entries';
import { readSyncState, recordPushError, recordPushResult } from './push-state';
import { syncMarked } from './pull/outbox-durability';

export interface PushOutcome {
  /**
   * done: nothing is left to push; standalone: not enrolled (or revoked, or no token);
   * failed: the hub could not be reached or refused the push, and what waits is tried again.
   */
  state: 'done' | 'standalone' | 'failed';
  /** Entries the hub decided (applied or refused) in this run. */
  pushed: number;
  rejected: number;
  /** Why the run stopped short, in Chinese; null when it did not. */
  problem: string | null;
  /** No retry helps until a person acts (revoked, token lost, a restore the hub saw first). */
  stop: boolean;
}

export interface PushOptions {
  timeoutMs?: number;
  /** Where a restore the terminal missed is handled; tests swap it in. */
  onEpochBehind?: EpochBehindHub;
}

const NO_PROGRESS_MESSAGE = '县级平台未确认本机上传的修改，稍后重试';

async function hubOf(rt: Runtime, timeoutMs?: number): Promise<HubClientOptions | string | null> {
  if (!rt.terminal) return null;
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment || enrolment.revokedAt) return null;
  const token = rt.hubTokens.read();
  if (!token) return TOKEN_MISSING_MESSAGE;
  return { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion, timeoutMs };
}

function post(
  hub: HubClientOptions,
  epoch: string,
  entries: readonly OutgoingEntry[],
): Promise<PushResponse> {
  const body = new JsonBytes(pushRequestBody(epoch, entries));
  return hubRequest(hub, 'POST', SYNC_PATHS.push, pushResponseSchema, body);
}

/** What the hub refused, with its words or the contract's when it sent none. */
function rejectionsOf(response: PushResponse) {
  return response.rejections.map((r) => ({
    ...r,
    message: r.message || SYNC_REJECTION_MESSAGES[r.code],
  }));
}

/**
 * Pushes everything the change log holds for the hub, oldest epoch first, one batch at a time,
 * until nothing is left. Each answer is recorded in one local transaction (entries decided, the
 * hub's refusals under 同步问题, the time); no transaction is held while the request is on its way,
 * so the counter keeps writing meanwhile. Callers make sure only one push runs at a time.
 */
export async function pushPending(rt: Runtime, options: PushOptions = {}): Promise<PushOutcome> {
  const outcome: PushOutcome = {
    state: 'done',
    pushed: 0,
    rejected: 0,
    problem: null,
    stop: false,
  };
  const hub = await hubOf(rt, options.timeoutMs);
  if (hub === null) return { ...outcome, state: 'standalone', stop: true };
  if (typeof hub === 'string') {
    await recordPushError(rt.db, 'HUB_TOKEN_MISSING', hub);
    return { ...outcome, state: 'failed', problem: hub, stop: true };
  }
  const onEpochBehind = options.onEpochBehind ?? epochBehindHub;
  try {
    for (;;) {
      const { epoch: current } = await readSyncState(rt.db);
      const epoch = await nextEpoch(rt.db);
      if (epoch === null) return outcome;
      // On the connection Kysely holds, not beside it: a read beside a use case's transaction open
      // across an await would see its uncommitted entries, and one rolled back after the hub took
      // it would leave its seq to a later entry the hub drops as a repeat. Today only the order of
      // the reads above keeps that from happening; holding the connection makes it a rule.
      const entries = await rt.db.connection().execute(async () => {
        const batch = readPushBatch(rt.sqlite, epoch);
        syncMarked(rt.sqlite, rt.unsyncedOutbox);
        return batch;
      });
      // Before the hub can decide these seqs, the marker beside the database names them: a file
      // put back by hand after a power cut (no refresh at shutdown) is then still caught at start.
      await refreshEpochMarker(rt.db, rt.dataDir, rt.stamper.nowIso());
      const response = await post(hub, epoch, entries);
      // Beyond what this database numbered in its current epoch: the hub saw entries of a file
      // that went back in time since, and would take the entries now sent for duplicates. An
      // earlier epoch's leftovers after a known restore are behind the hub by design.
      if (
        epoch === current &&
        response.decidedThrough > (await maxSeqOf(rt.db, epoch)) &&
        (await onEpochBehind(rt, epoch, response.decidedThrough))
      ) {
        await recordContact(rt.db, rt.stamper.nowIso());
        continue;
      }
      const decided = entries.filter((entry) => entry.seq <= response.decidedThrough);
      if (decided.length === 0) {
        await recordContact(rt.db, rt.stamper.nowIso());
        await recordPushError(rt.db, 'SYNC_NO_PROGRESS', NO_PROGRESS_MESSAGE);
        return { ...outcome, state: 'failed', problem: NO_PROGRESS_MESSAGE };
      }
      const rejected = await recordPushResult(rt, epoch, decided, rejectionsOf(response));
      await recordClockAhead(rt, response);
      outcome.pushed += decided.length;
      outcome.rejected += rejected;
    }
  } catch (error) {
    if (error instanceof HubUnreachable) {
      await recordPushError(rt.db, 'HUB_UNREACHABLE', UNREACHABLE_MESSAGE);
      return { ...outcome, state: 'failed', problem: UNREACHABLE_MESSAGE };
    }
    if (error instanceof HubRefusal) {
      if (error.code === 'TERMINAL_REVOKED') await recordRevoked(rt.db, rt.stamper.nowIso());
      await recordPushError(rt.db, error.code, error.message);
      return {
        ...outcome,
        state: 'failed',
        problem: error.message,
        stop: error.code === 'TERMINAL_REVOKED',
      };
    }
    throw error;
  }
}
