import type { Transaction } from 'kysely';
import type { ReferenceEdition, ReferenceKind } from '@shared/sync/reference-contract';
import type { ChangeStamp } from '../core/changes';
import { applyCatalogueEdition } from '../catalogue/service';
import { applyCalendarEdition } from '../calendar/service';
import type { Runtime } from '../core/runtime';
import type { Database } from '../db/schema';
import {
  applyDisputeTypesEdition,
  applyMediationReferenceEdition,
  applyRosterEdition,
} from '../mediation/service';

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
  caches: Pick<Runtime, 'calendar' | 'mediationLists'>;
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

/** Each kind's applier lives beside the data it writes; this map is the sync cycle's one entry. */
export const REFERENCE_APPLIERS: { [K in ReferenceKind]: ReferenceApplier<K> } = {
  catalogue: applyCatalogueEdition,
  calendar: applyCalendarEdition,
  disputeTypes: applyDisputeTypesEdition,
  mediationReference: applyMediationReferenceEdition,
  roster: applyRosterEdition,
};
