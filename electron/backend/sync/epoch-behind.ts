import type { Runtime } from '../core/runtime';
import { recordPushError } from './sync-state';

/**
 * The hub has decided seqs of `epoch` beyond any this database numbered: the file was restored or
 * copied after those pushes and its epoch was not renewed. Answers null once the entries still to
 * push were moved into a new epoch (the push goes on), else the problem to show (the push stops).
 */
export type EpochBehindHub = (
  rt: Runtime,
  epoch: string,
  decidedThrough: number,
) => Promise<string | null>;

export const EPOCH_BEHIND_MESSAGE =
  '本机数据库可能从备份恢复过：县级平台已收到本机更晚的修改记录。为免新修改被当作重复而丢失，暂停上传，请联系管理员';

/**
 * The seam for wt-epoch's renumbering (a new epoch, the unpushed entries re-numbered into it in
 * order, in one transaction). Until it is merged the push stops here and says why: stopping loses
 * nothing, pushing on would have the hub drop the entries as duplicates.
 */
export const epochBehindHub: EpochBehindHub = async (rt) => {
  await recordPushError(rt.db, 'SYNC_EPOCH_BEHIND_HUB', EPOCH_BEHIND_MESSAGE);
  return EPOCH_BEHIND_MESSAGE;
};
