import type { MethodOutput } from '@shared/api';
import { addMonths } from '@shared/domain/calendar/plain-date';
import {
  evaluateRisk,
  type PastDispute,
  type RiskCase,
  type RiskParty,
} from '@shared/domain/mediation/risk-rules';
import type { RiskLevel } from '@shared/domain/mediation/vocabulary';
import { sql, type SqlBool } from 'kysely';
import type { CallContext } from '../../core/runtime';
import { callerOf } from '../dispute/access';
import { today } from '../dispute/dates';
import { riskThresholdsOf } from '../roster/settings';
import { summariesOf } from '../list/summary-view';
import { EDITABLE_STATES } from '../dispute/transition';
import { valueList } from '../../core/value-list-sql';

/**
 * A person is matched by document number where the case file has one (so that a party typed in
 * without a resident record still counts), else by the resident record.
 */
function personKey(party: {
  resident_id: string | null;
  id_type: string | null;
  id_number: string | null;
}) {
  if (party.id_number) return `doc:${party.id_type ?? ''}:${party.id_number}`;
  return party.resident_id ? `resident:${party.resident_id}` : null;
}

/**
 * The keys the repeat rules compare, normalised as risk-rules.ts does. They only narrow each case's
 * history to the disputes that can match it, so that the list costs one pass, not one per pair; the
 * rules themselves still decide.
 */
function candidateKeys(dispute: PastDispute): string[] {
  const keys: string[] = [];
  for (const party of dispute.parties) {
    if (party.personId) keys.push(`p:${party.personId}`);
    else if (party.creditCode) keys.push(`o:${party.creditCode.trim().toUpperCase()}`);
  }
  const address = dispute.address?.normalize('NFKC').replace(/\s+/g, '') ?? '';
  if (address) keys.push(`a:${address}`);
  return keys;
}

/** The supervisor's early-warning list over the caller's units: open cases, the rules that fired. */
export async function riskFlags(ctx: CallContext): Promise<MethodOutput<'mediation.riskFlags'>> {
  const caller = await callerOf(ctx);
  const on = today(ctx);
  const windowStart = addMonths(on, -12);
  const db = ctx.rt.db;
  const inScope = sql<SqlBool>`d.org_unit_id IN (${valueList(caller.scope)}) AND d.deleted_at IS NULL AND (d.registered_on >= ${windowStart} OR d.state IN (${valueList(EDITABLE_STATES)}))`;
  const disputes = await db
    .selectFrom('disputes as d')
    .select([
      'd.id',
      'd.case_no',
      'd.state',
      'd.registered_on',
      'd.place',
      'd.risk_level',
      'd.amount_fen',
      'd.people_involved',
    ])
    .where(inScope)
    .execute();
  const parties = await db
    .selectFrom('dispute_parties as p')
    .innerJoin('disputes as d', 'd.id', 'p.dispute_id')
    .select([
      'p.dispute_id',
      'p.name',
      'p.resident_id',
      'p.id_type',
      'p.id_number',
      'p.credit_code',
    ])
    .where('p.deleted_at', 'is', null)
    .where(inScope)
    .execute();
  const visits = await db
    .selectFrom('dispute_follow_ups as f')
    .innerJoin('disputes as d', 'd.id', 'f.dispute_id')
    .select(['f.dispute_id', 'f.visited_on', 'f.renewed_conflict'])
    .where('f.state', '=', 'done')
    .where('f.deleted_at', 'is', null)
    .where(inScope)
    .execute();

  const partiesOf = new Map<string, RiskParty[]>();
  for (const party of parties) {
    const list = partiesOf.get(party.dispute_id) ?? [];
    list.push({ name: party.name, personId: personKey(party), creditCode: party.credit_code });
    partiesOf.set(party.dispute_id, list);
  }
  const visitsOf = new Map<string, RiskCase['followUps'][number][]>();
  for (const visit of visits) {
    const list = visitsOf.get(visit.dispute_id) ?? [];
    list.push({ visitedOn: visit.visited_on!, renewedConflict: visit.renewed_conflict === 1 });
    visitsOf.set(visit.dispute_id, list);
  }
  const cases: (RiskCase & { state: string })[] = disputes.map((row) => ({
    id: row.id,
    state: row.state,
    registeredOn: row.registered_on,
    address: row.place,
    parties: partiesOf.get(row.id) ?? [],
    riskLevel: row.risk_level as RiskLevel,
    amountFen: row.amount_fen,
    peopleInvolved: row.people_involved,
    followUps: visitsOf.get(row.id) ?? [],
  }));
  const byKey = new Map<string, RiskCase[]>();
  for (const one of cases) {
    if (one.registeredOn < windowStart) continue;
    for (const key of candidateKeys(one)) {
      const list = byKey.get(key) ?? [];
      list.push(one);
      byKey.set(key, list);
    }
  }

  const thresholds = await riskThresholdsOf(db, caller.orgUnitId);
  const caseNo = new Map(disputes.map((row) => [row.id, row.case_no]));
  const flagged = cases
    .filter((one) => (EDITABLE_STATES as readonly string[]).includes(one.state))
    .map((one) => {
      const history = [...new Set(candidateKeys(one).flatMap((key) => byKey.get(key) ?? []))];
      return { id: one.id, rules: evaluateRisk(one, history, thresholds, on) };
    })
    .filter((one) => one.rules.length > 0);
  const summaries = new Map(
    (
      await summariesOf(
        db,
        caller,
        flagged.map((one) => one.id),
        on,
      )
    ).map((s) => [s.id, s]),
  );
  return flagged
    .flatMap((one) => {
      const dispute = summaries.get(one.id);
      if (!dispute) return [];
      const rules = one.rules.map((rule) => ({
        rule: rule.rule,
        description: rule.description,
        related: rule.relatedCaseIds.map((id) => ({ id, caseNo: caseNo.get(id) ?? '' })),
      }));
      return [{ dispute, rules }];
    })
    .sort(
      (a, b) =>
        Number(b.dispute.riskLevel === 'major') - Number(a.dispute.riskLevel === 'major') ||
        b.rules.length - a.rules.length ||
        (a.dispute.registeredOn < b.dispute.registeredOn ? 1 : -1),
    );
}
