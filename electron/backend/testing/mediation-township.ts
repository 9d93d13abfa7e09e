import type { Role } from '@shared/api';
import { CHENGDONG, DONGCHENG, WANGJIANG } from '@shared/testing/org-units';
import { townshipFileTest, townshipTest } from './fixtures';
import { createSignedInUser, setUpDemoTownship, type Harness } from './harness';

/**
 * A township (东城街道 of the demo tree, under 永嘉县) with its villages, and signed-in staff: the
 * mediation tests need units on several levels, which the plain setUpTownship does not give.
 * Their parties come from shared/testing, which the e2e specs use too.
 */
export { IDS, neighbourDispute, person } from '@shared/testing/people';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Staff {
  token: string;
  userId: string;
  orgUnitId: string;
}

export interface Committees {
  admin: string;
  townshipId: string;
  countyId: string;
  villageAId: string;
  villageBId: string;
  staff: (username: string, role: Role, orgUnitId: string) => Promise<Staff>;
  /** Moves the clock on; the staff are signed in again, as each morning, with the same sessions. */
  advanceDays: (days: number) => void;
}

export async function setUpCommittees(h: Harness): Promise<Committees> {
  const { admin, unit } = await setUpDemoTownship(h, {
    orgName: DONGCHENG.name,
    terminalName: '调解室',
  });
  const township = unit(DONGCHENG.divisionCode);
  const tokens: string[] = [admin];
  return {
    admin,
    townshipId: township.id,
    countyId: township.parentId!,
    villageAId: unit(CHENGDONG.code).id,
    villageBId: unit(WANGJIANG.code).id,
    async staff(username, role, orgUnitId) {
      const user = { username, displayName: username, role, orgUnitId };
      const { token, userId } = await createSignedInUser(h, admin, user);
      tokens.push(token);
      return { token, userId, orgUnitId };
    },
    advanceDays(days) {
      h.clock.advance(days * DAY_MS);
      for (const token of tokens) h.backend.runtime.sessions.renew(token);
    },
  };
}

/** The fixtures (testing/fixtures.ts) with the committees as the township. */
export const committeesTest = townshipTest(setUpCommittees);
export const committeesFileTest = townshipFileTest(setUpCommittees);
