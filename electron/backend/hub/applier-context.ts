import type { Transaction } from 'kysely';
import type { ReferenceEdition, ReferenceKind } from '@shared/sync/reference-contract';
import type { ChangeStamp } from '../core/changes';
import type { Database } from '../db/schema';

/** What the appliers of the county's reference data know of the sync cycle; imports no domain. */

/** A cache an applier drops once its edition has committed. */
interface Invalidated {
  invalidate(): void;
}

/** What an applier knows besides the edition itself. */
export interface ApplyContext {
  /** For synced writes: the sync cycle acts as the terminal, with no signed-in user. */
  stamp: ChangeStamp;
  countyCode: string;
  /** The division code of this terminal's own org unit. */
  ownUnitCode: string;
  nowIso: string;
  /** Runs once the transaction has committed (e.g. to drop a cache); never if it rolls back. */
  afterCommit(effect: () => void): void;
  /** The runtime's caches of reference data, for the effects above (pass the runtime itself). */
  caches: { calendar: Invalidated; mediationLists: Invalidated };
}

/**
 * Applies one pulled edition inside the sync cycle's transaction (which also records the edition
 * as applied): all of it or, by throwing, none of it. Answers a short Chinese summary for the
 * audit log, e.g. 事项 300 项（新增 2、更新 1、停用 0）.
 */
export type ReferenceApplier<K extends ReferenceKind> = (
  trx: Transaction<Database>,
  edition: ReferenceEdition<K>,
  context: ApplyContext,
) => Promise<string>;

/** The map the backend hands the sync cycle: one applier per kind (app/reference-appliers.ts). */
export type ReferenceAppliers = { [K in ReferenceKind]: ReferenceApplier<K> };

/** The edition of a kind this terminal holds, which an applier may compare with the pulled one. */
export { heldEdition } from './editions';
