import type { MethodInput } from '@shared/api';
import type { Harness } from './harness';
import type { Committees } from './mediation-township';

export type RosterEntry = Pick<
  MethodInput<'mediators.create'>,
  'name' | 'background' | 'specialties'
>;

/** The supervisor puts a mediator of village A's committee on the roster. */
export function enrolVillageMediator(
  h: Harness,
  c: Committees,
  supervisor: string,
  entry: RosterEntry,
) {
  return h.ok(
    'mediators.create',
    { ...entry, committeeKind: 'village', orgUnitId: c.villageAId },
    supervisor,
  );
}
