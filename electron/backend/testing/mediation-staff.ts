import type { Role } from '@shared/api';
import { enrolVillageMediator, type RosterEntry } from './mediation-roster';
import { committeesFileTest, type Committees, type Staff } from './mediation-township';

/**
 * The committees' people as fixtures, once for the file: a test names whom it needs
 * (`{ villageAMediator, supervisor }`) and gets them signed in; every test of the file meets the
 * same accounts. The usernames are what the tests' expectations show (med_t acknowledges as
 * med_t). `enrol` puts a mediator of 城东社区's committee on the roster.
 *
 * Signing in is slow (a few scrypt hashes each), so a file makes its township and people in a
 * `beforeAll` that names them, with `SET_UP_TIME`, rather than in its first test's time.
 */
export const SET_UP_TIME = 120_000;

/** For a test file's own fixtures that, like these, are made once for the file. */
export const FILE = { scope: 'file' } as const;

type Unit = 'villageAId' | 'villageBId' | 'townshipId';

function member(username: string, role: Role, unit: Unit) {
  return ({ township: c }: { township: Committees }): Promise<Staff> =>
    c.staff(username, role, c[unit]);
}

export const staffTest = committeesFileTest
  .extend('villageAMediator', FILE, member('med_a', 'mediator', 'villageAId'))
  .extend('villageBMediator', FILE, member('med_b', 'mediator', 'villageBId'))
  .extend('townshipMediator', FILE, member('med_t', 'mediator', 'townshipId'))
  .extend('supervisor', FILE, member('sup', 'supervisor', 'townshipId'))
  .extend('auditor', FILE, member('aud', 'auditor', 'townshipId'))
  .extend('townshipClerk', FILE, member('clerk', 'clerk', 'townshipId'))
  .extend('villageAAgent', FILE, member('agent_a', 'agent', 'villageAId'))
  .extend('enrol', FILE, ({ harness, township, supervisor }) => {
    return (entry: RosterEntry) => enrolVillageMediator(harness, township, supervisor.token, entry);
  });
