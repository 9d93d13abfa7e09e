import type { Runtime } from '../core/runtime';
import { startEpochAfterHubAhead } from '../epoch/service';

/**
 * The hub has decided seqs of the current epoch beyond any this database numbered: the file went
 * back in time (restored or copied) and the marker beside it did not notice. Answers true when the
 * entries still to push were moved into a new epoch (the push reads them again), false when nothing
 * was wrong and the answer stands.
 */
export type EpochBehindHub = (
  rt: Runtime,
  epoch: string,
  decidedThrough: number,
) => Promise<boolean>;

export const epochBehindHub: EpochBehindHub = async (rt, epoch, decidedThrough) => {
  const moved = await startEpochAfterHubAhead(rt.db, {
    dataDir: rt.dataDir,
    nowIso: rt.stamper.nowIso(),
    terminalId: rt.terminal?.terminalId ?? null,
    epoch,
    decidedThrough,
  });
  return moved !== null;
};
