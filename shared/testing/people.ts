import type { DisputePartyInput, MethodInput } from '../api';
import { checkCharacter } from '../domain/identity/resident-id';

/** The test people: their ID numbers (valid GB 11643 check characters), phones and parties. */

/** A valid number from its first 17 digits. */
export function idNumber(first17: string): string {
  return first17 + checkCharacter(first17);
}

/** The number of someone born in `area` (six digits) on `birthDate` (YYYY-MM-DD), `sequence` that day. */
export function residentIdNumber(area: string, birthDate: string, sequence: number): string {
  return idNumber(`${area}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`);
}

/** The dispute parties' numbers, all born in 永嘉县. */
export const IDS = {
  zhang: '330324198001011239',
  li: '330324198202021249',
  wang: '330324199003033217',
  zhao: '330324197504041224',
  qian: '33032419850505331X',
  sun: '330324199506064429',
};

export const PHONES = {
  /** A dispute party's. */
  party: '13800138000',
  /** A resident's, unless the test gives another. */
  resident: '13857701234',
} as const;

/** The township counter's clerk in the backend tests. */
export const CLERK = { username: 'clerk1', displayName: '王芳', role: 'clerk' } as const;

/** A village's agent in the backend tests; the test names the village (orgUnitId). */
export const VILLAGE_AGENT = { username: 'agent1', displayName: '周代办', role: 'agent' } as const;

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
    phone: PHONES.party,
    address: '永嘉县东城街道城东社区1号',
    idType: 'resident_id',
    idNumber,
  };
}

/** Two neighbours' quarrel over a yard's drain, as a committee registers it. */
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
