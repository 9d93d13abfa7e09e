import type { MethodParsedInput } from '@shared/api';
import { escalate } from '@shared/domain/mediation/escalation';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { orgAncestry } from '../dispute/org';
import { teamOf } from '../roster/team-repository';
import { nextState } from '../dispute/transition';
import { insertSynced, tombstoneSynced } from '../../core/synced-writes';

const ESCALATION_CODES = {
  UNKNOWN_ORG: 'NOT_FOUND',
  NOT_OWNER: 'FORBIDDEN',
  ESCALATION_AT_TOP: 'ESCALATION_AT_TOP',
  NOT_DIRECT_PARENT: 'NOT_DIRECT_PARENT',
} as const;

/**
 * 上交 to the parent unit: it owns the case from now on and must accept it; this unit keeps reading
 * it and sees the outcome. A failure recorded here is undone as an outcome (the case is not concluded
 * anywhere yet) and stays in the timeline; this unit's mediators leave the case.
 */
export async function escalateDispute(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.escalate'>,
) {
  const { row, caller, readers } = await loadDispute(ctx, input.disputeId, 'write');
  const state = nextState(row.state, 'escalate', caller.role);
  const [owner, parent] = await orgAncestry(ctx.rt.db, row.org_unit_id);
  const tree = [owner, parent]
    .filter((org) => org !== undefined)
    .map((org) => ({ id: org.id, level: org.level, parentId: org.parent_id }));
  const result = escalate(
    { ownerOrgId: row.org_unit_id, readerOrgIds: readers },
    caller.orgUnitId,
    owner?.parent_id ?? '',
    tree,
  );
  if (!result.ok) throw new DomainError(ESCALATION_CODES[result.error.code], result.error.message);
  const to = result.value.ownerOrgId;
  const team = await teamOf(ctx.rt.db, row.id);
  return changeDispute(ctx, row, {
    set: {
      org_unit_id: to,
      state,
      outcome: null,
      concluded_on: null,
      failure_reason: null,
      routes_told: null,
      clock_start_on: null,
      due_date: null,
    },
    also: async (trx, stamp) => {
      for (const readerOrgId of result.value.readerOrgIds.filter((id) => !readers.includes(id))) {
        await insertSynced(trx, stamp, 'dispute_readers', readerOrgId, {
          dispute_id: row.id,
          reader_org_id: readerOrgId,
        });
      }
      for (const assignment of team) {
        await tombstoneSynced(trx, stamp, 'dispute_mediators', assignment);
      }
    },
    event: {
      action: 'escalate',
      fromState: row.state,
      toState: state,
      fromOrgId: row.org_unit_id,
      toOrgId: to,
      note: `上交${parent?.name ?? ''}：${input.reason}`,
    },
    auditAction: 'mediation.escalate',
  });
}
