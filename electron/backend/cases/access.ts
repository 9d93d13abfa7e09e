import { DomainError } from '../core/errors';
import { requireUser } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { orgScope } from '../org/repository';
import { findCase, findUserNames, type CaseRow } from './repository';

/**
 * Who sees a case: its owning unit and the units above it, and, for an agency case, the agent who
 * filed it and the village it came from, so that they follow it after the hand-over.
 */
async function visible(ctx: CallContext, row: CaseRow): Promise<boolean> {
  const user = requireUser(ctx.actor);
  if (row.agent_user_id === user.userId) return true;
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  return (
    scope.includes(row.org_unit_id) ||
    (row.agency_org_id !== null && scope.includes(row.agency_org_id))
  );
}

export async function visibleCase(ctx: CallContext, caseId: string): Promise<CaseRow> {
  const row = await findCase(ctx.rt.db, caseId);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该案件');
  if (!(await visible(ctx, row))) {
    throw new DomainError('FORBIDDEN', '该案件不在您的管理范围内');
  }
  return row;
}

/**
 * Who acts on a case: an agent for the village it came from; anyone else for the unit that owns it
 * now. Which action each role may take in each state is the workflow's rule, checked after this.
 */
export async function actionableCase(ctx: CallContext, caseId: string): Promise<CaseRow> {
  const row = await visibleCase(ctx, caseId);
  const user = requireUser(ctx.actor);
  const scope = await orgScope(ctx.rt.db, user.orgUnitId);
  const owner = user.role === 'agent' ? row.agency_org_id : row.org_unit_id;
  if (owner === null || !scope.includes(owner)) {
    throw new DomainError('FORBIDDEN', '该案件由其他单位办理，您只能查看');
  }
  return row;
}

/** The signed-in user with the name the timeline shows. */
export async function actingUser(ctx: CallContext) {
  const user = requireUser(ctx.actor);
  const names = await findUserNames(ctx.rt.db, [user.userId]);
  return { ...user, displayName: names.get(user.userId) ?? user.username };
}
