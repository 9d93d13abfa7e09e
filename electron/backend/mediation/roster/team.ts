import type { MethodOutput, MethodParsedInput } from '@shared/api';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { mediatorViews } from './roster';
import { findMediator, mediatorsOf, teamOf } from './team-repository';
import { EDITABLE_STATES, ensureState } from '../dispute/transition';
import { insertSynced, tombstoneSynced } from '../../core/synced-writes';

/** Specialty in the dispute's type first, then the lightest current load, then by name. */
export async function suggestMediators(
  ctx: CallContext,
  disputeId: string,
): Promise<MethodOutput<'mediation.suggestMediators'>> {
  const { row } = await loadDispute(ctx, disputeId, 'write');
  const roster = await mediatorViews(ctx, await mediatorsOf(ctx.rt.db, [row.org_unit_id], false));
  return roster
    .map((mediator) => ({
      ...mediator,
      specialtyMatch: mediator.specialties.includes(row.type as never),
    }))
    .sort(
      (a, b) =>
        Number(b.specialtyMatch) - Number(a.specialtyMatch) ||
        a.openCases - b.openCases ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}

/** Mediators on a case must be active members of the committee that owns it. */
export async function ensureAvailable(
  ctx: CallContext,
  ids: readonly string[],
  ownerOrgId: string,
) {
  const names: string[] = [];
  for (const id of ids) {
    const mediator = await findMediator(ctx.rt.db, id);
    if (!mediator || mediator.org_unit_id !== ownerOrgId) {
      throw new DomainError('MEDIATOR_UNAVAILABLE', '所选调解员不是本调委会的调解员');
    }
    if (mediator.active !== 1) {
      throw new DomainError('MEDIATOR_UNAVAILABLE', `调解员${mediator.name}已停用，不能指派`);
    }
    names.push(mediator.name);
  }
  return names;
}

export async function assignMediators(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.assignMediators'>,
) {
  const { row } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, EDITABLE_STATES, '指派调解员');
  const members = [...new Set(input.memberMediatorIds)].filter((id) => id !== input.leadMediatorId);
  const [lead] = await ensureAvailable(ctx, [input.leadMediatorId], row.org_unit_id);
  const others = await ensureAvailable(ctx, members, row.org_unit_id);
  const wanted = new Map<string, 'lead' | 'member'>([
    [input.leadMediatorId, 'lead'],
    ...members.map((id) => [id, 'member'] as const),
  ]);
  const current = await teamOf(ctx.rt.db, row.id);
  return changeDispute(ctx, row, {
    also: async (trx, stamp) => {
      for (const assignment of current) {
        if (wanted.get(assignment.mediator_id) === assignment.role) {
          wanted.delete(assignment.mediator_id);
        } else {
          await tombstoneSynced(trx, stamp, 'dispute_mediators', assignment);
        }
      }
      for (const [mediatorId, role] of wanted) {
        await insertSynced(trx, stamp, 'dispute_mediators', row.org_unit_id, {
          dispute_id: row.id,
          mediator_id: mediatorId,
          role,
        });
      }
    },
    event: {
      action: 'assign',
      note: `主持调解员：${lead}${others.length > 0 ? `；参与调解员：${others.join('、')}` : ''}`,
    },
    auditAction: 'mediation.assignMediators',
  });
}
