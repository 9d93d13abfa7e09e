import type { UpdateStatus } from '@shared/api';
import { HUB_ERROR_MESSAGES } from '@shared/sync/hub-contract';
import type { Runtime } from '../core/runtime';
import { HubRefusal, HubUnreachable } from './client';
import { UNREACHABLE_MESSAGE } from './errors';
import { readEnrolment, recordRevoked } from './repository';
import { readFeed, updateFeedFor, type UpdateFeed } from './update-feed';

/** The app checks the hub's feed at start and then every 4 hours (issue 14). */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

interface Checker {
  status: UpdateStatus;
  running: Promise<UpdateStatus> | null;
  /** Electron main's updater follows the feed; told only when it changes. */
  onFeed: ((feed: UpdateFeed | null) => void) | null;
  feedKey: string | null;
}

const checkers = new WeakMap<Runtime, Checker>();

function checkerOf(rt: Runtime): Checker {
  let checker = checkers.get(rt);
  if (!checker) {
    checker = {
      status: {
        currentVersion: rt.appVersion,
        latestVersion: null,
        releaseDate: null,
        oldestAppVersion: null,
        checkedAt: null,
        problem: null,
      },
      running: null,
      onFeed: null,
      feedKey: null,
    };
    checkers.set(rt, checker);
  }
  return checker;
}

function publishFeed(checker: Checker, feed: UpdateFeed | null): void {
  const key = feed ? JSON.stringify(feed) : null;
  if (key === checker.feedKey) return;
  checker.feedKey = key;
  checker.onFeed?.(feed);
}

async function askHub(rt: Runtime, checker: Checker): Promise<UpdateStatus> {
  const enrolment = rt.terminal ? await readEnrolment(rt.db) : null;
  const token = enrolment && !enrolment.revokedAt ? rt.hubTokens.read() : null;
  const base = { ...checker.status, currentVersion: rt.appVersion };
  if (!enrolment || !token) {
    publishFeed(checker, null);
    return {
      ...base,
      latestVersion: null,
      releaseDate: null,
      oldestAppVersion: null,
      problem: enrolment?.revokedAt ? HUB_ERROR_MESSAGES.TERMINAL_REVOKED : null,
    };
  }
  const feed = updateFeedFor(enrolment.hubUrl, token, rt.appVersion);
  publishFeed(checker, feed);
  try {
    const answer = await readFeed(feed);
    return { ...base, ...answer, checkedAt: rt.stamper.nowIso(), problem: null };
  } catch (error) {
    if (error instanceof HubRefusal && error.code === 'TERMINAL_REVOKED') {
      await recordRevoked(rt.db, rt.stamper.nowIso());
      publishFeed(checker, null);
    }
    // What was learnt before stays: a hub out of reach does not take the news of a release back.
    if (error instanceof HubRefusal) return { ...base, problem: error.message };
    if (error instanceof HubUnreachable) return { ...base, problem: UNREACHABLE_MESSAGE };
    throw error;
  }
}

/** Asks the enrolled hub's feed now; calls at the same time share one request. */
export function checkForUpdate(rt: Runtime): Promise<UpdateStatus> {
  const checker = checkerOf(rt);
  checker.running ??= askHub(rt, checker)
    .then((status) => (checker.status = status))
    .finally(() => {
      checker.running = null;
    });
  return checker.running;
}

/** The last check's outcome; the first call, or `refresh`, asks the hub. */
export async function updateStatus(rt: Runtime, refresh: boolean): Promise<UpdateStatus> {
  const checker = checkerOf(rt);
  if (refresh || checker.status.checkedAt === null) return checkForUpdate(rt);
  return checker.status;
}

/**
 * Checks at start and every 4 hours. `onFeed` hands Electron main the feed (URL and the token in
 * request headers) for electron-updater; browser mode has none and only shows what is on offer.
 */
export function startUpdateChecks(
  rt: Runtime,
  onFeed: ((feed: UpdateFeed | null) => void) | undefined,
  log: (error: unknown) => void,
): () => void {
  checkerOf(rt).onFeed = onFeed ?? null;
  const check = () => void checkForUpdate(rt).catch(log);
  check();
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
