import type { HubSyncResult } from '@shared/api';
import type { HubSync } from './hub-sync';
import type { Runtime } from '../core/runtime';
import type { ReferenceAppliers } from './applier-context';
import { syncAccounts } from './accounts-sync';
import { HubRefusal, HubUnreachable } from './client';
import { UNREACHABLE_MESSAGE } from './errors';
import { syncRecords } from './pull/records-sync';
import { pushPending } from './pusher';
import { readEnrolment } from './repository';
import { runSyncCycle } from './reference-sync';
import { createPushSchedule, type PushScheduleOptions } from './push-schedule';

/** How often an enrolled terminal asks the hub what is new: one small manifest per minute. */
export const SYNC_INTERVAL_MS = 60_000;

/**
 * The attachment files' part of the cycle (attachments/hub-files.ts, handed in by app/ so that hub/
 * imports no domain): files made here go up before every push, so that a record rarely reaches
 * another terminal before its file; files of cases handed to this unit come down after the pull.
 */
export interface FileTransfers {
  beforePush(rt: Runtime): Promise<unknown>;
  afterPull(rt: Runtime): Promise<unknown>;
}

const NO_FILES: FileTransfers = {
  beforePush: () => Promise.resolve(),
  afterPull: () => Promise.resolve(),
};

/** A file transfer that failed: said in words, the cycle goes on (the next one resumes it). */
async function transferred(step: Promise<unknown>): Promise<string | null> {
  try {
    await step;
    return null;
  } catch (error) {
    if (error instanceof HubUnreachable) return `附件文件同步未完成：${UNREACHABLE_MESSAGE}`;
    if (error instanceof HubRefusal) return `附件文件同步未完成：${error.message}`;
    throw error;
  }
}

export function createHubSync(
  runtime: () => Runtime,
  log: (error: unknown) => void,
  appliers: ReferenceAppliers,
  intervalMs = SYNC_INTERVAL_MS,
  files: FileTransfers = NO_FILES,
  pushOptions: PushScheduleOptions = {},
): HubSync {
  let filesProblem: string | null = null;
  // A file that can't go up now doesn't hold its record back: the other windows say the file is
  // still to come, and the next push tries it again.
  const push = createPushSchedule(runtime, log, {
    push: async (rt) => {
      filesProblem = await transferred(files.beforePush(rt));
      return pushPending(rt);
    },
    ...pushOptions,
  });
  let running: Promise<HubSyncResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  // Bumped by stop(): a resume still reading the enrolment then starts nothing on a closing runtime.
  let generation = 0;

  function stopTimer(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  /**
   * The records changed here first (the counter's work waits for nobody else's), then reference
   * data, then the unit's accounts (a password changed at another window arrives too), then the
   * records the unit sees.
   */
  async function cycle(): Promise<HubSyncResult> {
    const pushed = await push.run();
    const rt = runtime();
    const { result, stop } = await runSyncCycle(rt, log, appliers);
    if (stop) {
      stopTimer();
      return result;
    }
    const accounts = await syncAccounts(rt);
    const records = await syncRecords(rt);
    // A closing backend waits for this cycle: the files wait for the next start.
    const fetched = rt.closing ? null : await transferred(files.afterPull(rt));
    if (result.problem) return result;
    if (pushed.problem) return { ...result, problem: `本机修改未能全部上传：${pushed.problem}` };
    if (accounts.problem) return { ...result, problem: `账号同步未完成：${accounts.problem}` };
    if (records.problem) return { ...result, problem: `业务记录同步未完成：${records.problem}` };
    const fileProblem = filesProblem ?? fetched;
    return fileProblem ? { ...result, problem: fileProblem } : result;
  }

  function run(): Promise<HubSyncResult> {
    running ??= cycle().finally(() => {
      running = null;
    });
    return running;
  }

  function tick(): void {
    const rt = runtime();
    // A restore swaps the database file; a damaged one is not written to.
    if (rt.restoring || rt.damaged || rt.reindexing) return;
    run().catch(log);
  }

  return {
    run,
    async resume() {
      const mine = generation;
      try {
        const rt = runtime();
        const enrolment = rt.terminal && !rt.damaged ? await readEnrolment(rt.db) : null;
        if (!enrolment || enrolment.revokedAt || mine !== generation) return;
        push.start();
        if (!timer) {
          timer = setInterval(tick, intervalMs);
          timer.unref();
        }
        await run();
      } catch (error) {
        log(error);
      }
    },
    scheduled: () => timer !== null,
    push,
    async stop() {
      generation += 1;
      stopTimer();
      await push.stop();
      await running?.catch(() => undefined);
    },
  };
}
