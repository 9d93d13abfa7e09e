import { z } from 'zod';
import { addMonths } from '../calendar/plain-date';
import type { RiskLevel } from './vocabulary';

/**
 * Early-warning rules. Each is a pure function that returns the rule it fired, with a Chinese
 * description for the supervisor's list, or null; evaluateRisk runs them all in a fixed order.
 */

export interface RiskParty {
  name: string;
  /** Resident record id of a natural person. */
  personId?: string | null;
  /** 统一社会信用代码 of an organisation. */
  creditCode?: string | null;
}

/** What the repeat rules read of a past dispute. */
export interface PastDispute {
  id: string;
  registeredOn: string;
  address: string | null;
  parties: readonly RiskParty[];
}

export interface RiskCase extends PastDispute {
  riskLevel: RiskLevel;
  amountFen: number | null;
  peopleInvolved: number | null;
  followUps: readonly { visitedOn: string; renewedConflict: boolean }[];
}

/** Set by the supervisor; null switches the rule off. "以上" includes the figure, as in statutes. */
export const riskThresholdsSchema = z.object({
  amountFen: z.number().int().positive().nullable(),
  people: z.number().int().positive().nullable(),
});
export type RiskThresholds = z.infer<typeof riskThresholdsSchema>;

type RiskRuleId =
  'repeat_party' | 'repeat_address' | 'major_risk' | 'amount' | 'people' | 'renewed_conflict';

interface FiredRule {
  rule: RiskRuleId;
  description: string;
  /** The other disputes that made a repeat rule fire. */
  relatedCaseIds: string[];
}

/** The case itself plus at least one other dispute. */
const REPEAT_COUNT = 2;

/**
 * The rolling window: disputes registered from the same date 12 months ago through today, both ends
 * included (on 2026-03-15 one registered on 2025-03-15 still counts; on 2028-02-29 the window starts on
 * 2027-02-28). Dates after today, such as a typing error, are left out.
 */
function inWindow(registeredOn: string, today: string): boolean {
  return registeredOn >= addMonths(today, -12) && registeredOn <= today;
}

function othersInWindow(
  subject: PastDispute,
  history: readonly PastDispute[],
  today: string,
): PastDispute[] {
  return history.filter((past) => past.id !== subject.id && inWindow(past.registeredOn, today));
}

/** Person by resident id, organisation by credit code; a party with neither cannot be matched. */
function partyKey(party: RiskParty): string | null {
  if (party.personId) return `person:${party.personId}`;
  if (party.creditCode) return `org:${party.creditCode.trim().toUpperCase()}`;
  return null;
}

/**
 * Exact after width folding and dropping blanks ("解放街 12 号" = "解放街１２号"); no fuzzy matching,
 * which would tie unrelated households together on a list that names them.
 */
function addressKey(address: string | null): string | null {
  const key = address?.normalize('NFKC').replace(/\s+/g, '') ?? '';
  return key === '' ? null : key;
}

/** A party (not only the same pair) in 2+ disputes: one person who keeps clashing with neighbours counts. */
export function repeatPartyRule(
  subject: PastDispute,
  history: readonly PastDispute[],
  today: string,
): FiredRule | null {
  const others = othersInWindow(subject, history, today);
  const findings: string[] = [];
  const related = new Set<string>();
  const seen = new Set<string>();
  for (const party of subject.parties) {
    const key = partyKey(party);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const matches = others.filter((past) => past.parties.some((p) => partyKey(p) === key));
    if (matches.length + 1 < REPEAT_COUNT) continue;
    findings.push(`当事人${party.name}近12个月内涉及${matches.length + 1}起纠纷（含本案）`);
    for (const past of matches) related.add(past.id);
  }
  if (findings.length === 0) return null;
  return { rule: 'repeat_party', description: findings.join('；'), relatedCaseIds: [...related] };
}

export function repeatAddressRule(
  subject: PastDispute,
  history: readonly PastDispute[],
  today: string,
): FiredRule | null {
  const key = addressKey(subject.address);
  if (!key) return null;
  const matches = othersInWindow(subject, history, today).filter(
    (past) => addressKey(past.address) === key,
  );
  if (matches.length + 1 < REPEAT_COUNT) return null;
  return {
    rule: 'repeat_address',
    description: `地址“${subject.address?.trim()}”近12个月内发生${matches.length + 1}起纠纷（含本案）`,
    relatedCaseIds: matches.map((past) => past.id),
  };
}

export function majorRiskRule(subject: RiskCase): FiredRule | null {
  if (subject.riskLevel !== 'major') return null;
  return { rule: 'major_risk', description: '风险等级为重大，须立即报告', relatedCaseIds: [] };
}

/** 123456 fen → "1234.56", 100000 fen → "1000". */
function yuan(fen: number): string {
  const cents = fen % 100;
  return cents === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}

export function amountRule(subject: RiskCase, thresholds: RiskThresholds): FiredRule | null {
  const limit = thresholds.amountFen;
  if (limit === null || subject.amountFen === null || subject.amountFen < limit) return null;
  return {
    rule: 'amount',
    description: `涉及金额${yuan(subject.amountFen)}元，达到预警线${yuan(limit)}元`,
    relatedCaseIds: [],
  };
}

export function peopleRule(subject: RiskCase, thresholds: RiskThresholds): FiredRule | null {
  const limit = thresholds.people;
  if (limit === null || subject.peopleInvolved === null || subject.peopleInvolved < limit) {
    return null;
  }
  return {
    rule: 'people',
    description: `涉及人数${subject.peopleInvolved}人，达到预警线${limit}人`,
    relatedCaseIds: [],
  };
}

/**
 * Fires when the latest follow-up found the conflict flaring up again; a later visit that found it
 * settled clears the flag, so the list shows risks as they stand, not as they once were.
 */
export function renewedConflictRule(subject: RiskCase): FiredRule | null {
  let latest: RiskCase['followUps'][number] | undefined;
  for (const visit of subject.followUps) {
    if (!latest || visit.visitedOn >= latest.visitedOn) latest = visit;
  }
  if (!latest?.renewedConflict) return null;
  return {
    rule: 'renewed_conflict',
    description: `${latest.visitedOn}回访发现矛盾出现反复`,
    relatedCaseIds: [],
  };
}

export function evaluateRisk(
  subject: RiskCase,
  history: readonly PastDispute[],
  thresholds: RiskThresholds,
  today: string,
): FiredRule[] {
  return [
    repeatPartyRule(subject, history, today),
    repeatAddressRule(subject, history, today),
    majorRiskRule(subject),
    amountRule(subject, thresholds),
    peopleRule(subject, thresholds),
    renewedConflictRule(subject),
  ].filter((fired): fired is FiredRule => fired !== null);
}
