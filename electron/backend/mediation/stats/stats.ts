import type { MethodOutput } from '@shared/api';
import type { MediationStats } from '@shared/api/methods/mediation-stats';
import { shareByLevel } from '@shared/domain/mediation/escalation';
import {
  aggregate,
  type DisputeCaseStat,
  type Granularity,
} from '@shared/domain/mediation/statistics';
import type { DisputeSource, DisputeType } from '@shared/domain/mediation/vocabulary';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { shanghaiDayStartIso } from '../../core/time';
import type { Database } from '../../db/schema';
import { countReported } from '../../event-reports/service';
import { callerOf } from '../dispute/access';

export const EVENT_REPORTS_NOTE =
  '事件报告（安全隐患、群体性事件苗头、重大信息等）单独报送，不计入受理数、调解成功数和调解成功率';

/**
 * The disputes of the units in scope with any of their counted events in [from, to], each event date
 * outside the range blanked, so that the domain's aggregate counts exactly what happened in it. The
 * query reads the disputes of each unit (SQLite finds them on disputes_live_org_state_due; per-unit
 * indexes of the four dates were never chosen over it, and are gone) and tests their dates; event
 * reports live in a table of their own and cannot enter.
 */
async function statsInRange(
  db: Kysely<Database>,
  scope: readonly string[],
  from: string,
  to: string,
): Promise<DisputeCaseStat[]> {
  const between = (column: string) => sql<SqlBool>`${sql.ref(column)} BETWEEN ${from} AND ${to}`;
  const rows = await db
    .selectFrom('disputes as d')
    .innerJoin('org_units as o', 'o.id', 'd.org_unit_id')
    .select([
      'd.type',
      'd.source',
      'o.level',
      'd.accepted_on',
      'd.outcome',
      'd.concluded_on',
      'd.performed_on',
      'd.judicial_confirmed_on',
      'd.amount_fen',
    ])
    .where('d.org_unit_id', 'in', scope)
    .where('d.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        between('d.accepted_on'),
        between('d.concluded_on'),
        between('d.performed_on'),
        between('d.judicial_confirmed_on'),
      ]),
    )
    .execute();
  const inRange = (date: string | null) =>
    date !== null && date >= from && date <= to ? date : null;
  return rows.map((row) => ({
    kind: 'dispute',
    type: row.type as DisputeType,
    source: row.source as DisputeSource,
    ownerLevel: row.level,
    acceptedOn: inRange(row.accepted_on),
    outcome: row.outcome,
    concludedOn: inRange(row.concluded_on),
    performedOn: inRange(row.performed_on),
    judicialConfirmedOn: inRange(row.judicial_confirmed_on),
    amountFen: row.amount_fen,
  }));
}

export type StatsRow = MediationStats['byPeriod'][number];

/** The rows of aggregate summed into one, for a whole range. */
export function totalOf(rows: readonly StatsRow[], period: string): StatsRow {
  const sum = (pick: (row: StatsRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const concluded = sum((row) => row.concluded);
  const succeeded = sum((row) => row.succeeded);
  return {
    period,
    group: 'all',
    accepted: sum((row) => row.accepted),
    concluded,
    succeeded,
    successRate: concluded === 0 ? null : succeeded / concluded,
    performed: sum((row) => row.performed),
    judicialConfirmations: sum((row) => row.judicialConfirmations),
    amountFen: sum((row) => row.amountFen),
  };
}

export async function computeStats(
  db: Kysely<Database>,
  scope: readonly string[],
  from: string,
  to: string,
  granularity: Granularity,
): Promise<MediationStats> {
  if (from > to) {
    throw new DomainError('INVALID_INPUT', '开始日期不能晚于结束日期', {
      from: '开始日期不能晚于结束日期',
    });
  }
  const cases = await statsInRange(db, scope, from, to);
  const byPeriod = aggregate(cases, granularity, 'all');
  const resolvedInRange = cases.filter((one) => one.concludedOn !== null);
  return {
    from,
    to,
    granularity,
    byPeriod,
    byType: aggregate(cases, granularity, 'type'),
    bySource: aggregate(cases, granularity, 'source'),
    byLevel: aggregate(cases, granularity, 'level'),
    totals: totalOf(byPeriod, `${from}至${to}`),
    shareByLevel: shareByLevel(resolvedInRange),
    eventReports: {
      count: await countReported(
        db,
        scope,
        shanghaiDayStartIso(from, 0),
        shanghaiDayStartIso(to, 1),
      ),
      note: EVENT_REPORTS_NOTE,
    },
  };
}

export async function mediationStats(
  ctx: CallContext,
  input: { from: string; to: string; granularity: Granularity },
): Promise<MethodOutput<'mediation.stats'>> {
  const caller = await callerOf(ctx);
  return computeStats(ctx.rt.db, caller.scope, input.from, input.to, input.granularity);
}
