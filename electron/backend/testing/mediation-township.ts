import type { DisputePartyInput, MethodInput, Role } from '@shared/api';
import { createSignedInUser, setUpDemoTownship, type Harness } from './harness';

/**
 * A township (东城街道 of the demo tree, under 永嘉县) with its villages, and signed-in staff: the
 * mediation tests need units on several levels, which the plain setUpTownship does not give.
 */

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
    orgName: '东城街道',
    terminalName: '调解室',
  });
  const township = unit('330324001');
  const tokens: string[] = [admin];
  return {
    admin,
    townshipId: township.id,
    countyId: township.parentId!,
    villageAId: unit('330324001001').id,
    villageBId: unit('330324001002').id,
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

/** A natural person with every particular an art. 29 agreement needs. */
export function person(
  name: string,
  idNumber: string,
  role: DisputePartyInput['role'] = 'applicant',
): DisputePartyInput {
  return {
    kind: 'person',
    role,
    name,
    gender: null,
    ethnicity: '汉族',
    occupation: '农民',
    phone: '13800138000',
    address: '永嘉县东城街道城东社区1号',
    idType: 'resident_id',
    idNumber,
  };
}

/** Valid GB 11643 numbers (check characters computed), for parties that must pass validation. */
export const IDS = {
  zhang: '330324198001011239',
  li: '330324198202021249',
  wang: '330324199003033217',
  zhao: '330324197504041224',
  qian: '33032419850505331X',
  sun: '330324199506064429',
};

export function neighbourDispute(
  parties: DisputePartyInput[],
  patch: Partial<MethodInput<'mediation.register'>> = {},
): MethodInput<'mediation.register'> {
  return {
    type: 'neighbour',
    source: 'application',
    summary: '两家因院墙排水问题发生争执',
    occurredOn: '2026-11-20',
    place: '城东社区1号院',
    amountFen: 500_000,
    peopleInvolved: 2,
    riskLevel: 'general',
    parties,
    ...patch,
  };
}
