import type { ReferenceEdition, ReferenceKind } from '@shared/sync/reference-contract';
import { requireTerminal } from '../core/guards';
import { REFERENCE_APPLIERS, type ApplyContext } from '../hub/reference-appliers';
import { findOrgUnit } from '../org/repository';
import type { Harness } from './harness';

/**
 * Applies an edition through the kind's registered applier, in one transaction, as the sync cycle
 * does (the cycle itself, with its record of applied editions, is the sync's part): the terminal
 * acts, with no signed-in user. Answers the applier's summary.
 */
export async function applyAsSyncCycle<K extends ReferenceKind>(
  h: Harness,
  edition: ReferenceEdition<K>,
): Promise<string> {
  const rt = h.backend.runtime;
  const terminal = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, terminal.orgUnitId);
  const applier = REFERENCE_APPLIERS[edition.kind];
  if (!own || !applier) throw new Error(`no unit or no applier for ${edition.kind}`);
  const effects: (() => void)[] = [];
  const context: ApplyContext = {
    stamp: {
      stamper: rt.stamper,
      terminal,
      actor: { userId: null, username: null, role: null, orgUnitId: null },
    },
    countyCode: own.code.slice(0, 6),
    ownUnitCode: own.code,
    nowIso: rt.stamper.nowIso(),
    afterCommit: (effect) => effects.push(effect),
  };
  const summary = await rt.db.transaction().execute((trx) => applier(trx, edition, context));
  for (const effect of effects) effect();
  return summary;
}
