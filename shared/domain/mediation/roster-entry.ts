import type { OrgLevel } from '@shared/api/roles';

/** The people's mediation committee a unit keeps (mediation-reference.json committeeKinds). */
export function committeeKindOf(level: OrgLevel): 'village' | 'township' {
  return level === 'village' ? 'village' : 'township';
}

/**
 * A staff member put on the roster from their account: nothing is known of their background yet, so
 * 其他 until the supervisor corrects it in the roster.
 */
export const ACCOUNT_MEDIATOR_BACKGROUND = 'other';
