import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { addDays, shanghaiDate, yearOf } from '@shared/domain/calendar/plain-date';
import type { HolidayCalendar } from '@shared/domain/calendar/working-days';
import { formatCaseNumber, includesTerminal } from '@shared/domain/mediation/case-number';
import { targetDueDate } from '@shared/domain/mediation/clocks';
import type { Database, DisputesTable } from '../../electron/backend/db/schema';
import {
  effectiveAbbreviation,
  indexDispute,
  NOT_YET_CONCLUDED,
  partyNamesOf,
} from '../../electron/backend/mediation/service';
import { casesPerDay } from './case-volume';
import { afterRegistration } from './dispute-paths';
import { PartyMaker } from './dispute-parties';
import { DisputeStory, type Committee } from './dispute-story';
import {
  DISPUTE_SOURCE_MIX,
  DISPUTE_TYPE_MIX,
  MONEY_TYPES,
  summaryOf,
  TRANSFER_ORIGINS,
} from './dispute-text';
import { officeInstant, workingDays } from './office-time';
import type { Random } from './random';
import { registeredBy, type Register } from './residents';
import { syncRow, type Stamps } from './stamps';
import { inBatches, TableWriter } from './writer';

/** A committee with the terminals it registers on and how many terminals its unit has. */
export interface RegisteringCommittee extends Committee {
  terminals: readonly { number: string; terminalId: string }[];
  terminalCount: number;
}

export interface DisputeCounts {
  disputes: number;
  parties: number;
  sessions: number;
  events: number;
}

const TABLES = [
  'dispute_parties',
  'dispute_mediators',
  'mediation_sessions',
  'dispute_agreements',
  'dispute_follow_ups',
  'dispute_readers',
  'dispute_events',
] as const;

/**
 * Ten years of the mediation register: 45% at the township's committee, the rest at the villages'.
 * Each dispute is written with its companions and indexed by the app's own indexDispute.
 */
export async function writeDisputes(
  sqlite: BetterSqlite3.Database,
  db: Kysely<Database>,
  random: Random,
  stamps: Stamps,
  calendar: HolidayCalendar,
  committees: { township: RegisteringCommittee; villages: RegisteringCommittee[] },
  register: Register,
  options: { total: number; firstDay: string; lastDay: string; nowMs: number },
): Promise<DisputeCounts> {
  const disputes = new TableWriter<DisputesTable>(sqlite, 'disputes');
  const writers = Object.fromEntries(
    TABLES.map((table) => [table, new TableWriter<object>(sqlite, table)]),
  ) as Record<(typeof TABLES)[number], TableWriter<object>>;
  const parties = new PartyMaker(sqlite, random);
  const abbreviations = new Map<string, string>();
  for (const committee of [committees.township, ...committees.villages]) {
    abbreviations.set(
      committee.orgId,
      (await effectiveAbbreviation(db, committee.orgId)).effective,
    );
  }
  const sequences = new Map<string, number>();
  const counts: DisputeCounts = { disputes: 0, parties: 0, sessions: 0, events: 0 };
  const days = workingDays(options.firstDay, options.lastDay, calendar);
  const perDay = casesPerDay(days, options.total);
  const registrations = days.flatMap((date, index) =>
    Array.from({ length: perDay[index]! }, () => officeInstant(random, date)).sort((a, b) => a - b),
  );

  await inBatches(sqlite, registrations, 2_000, async (ms) => {
    const committee = random.chance(0.45) ? committees.township : random.pick(committees.villages);
    const terminal = random.chance(0.7)
      ? committee.terminals[0]!
      : random.pick(committee.terminals);
    const actor = { ...committee.recorder, terminalId: terminal.terminalId };
    const on = shanghaiDate(ms);
    const year = yearOf(on);
    const scope = `${committee.orgId}:${year}:${terminal.number}`;
    const sequence = (sequences.get(scope) ?? 0) + 1;
    sequences.set(scope, sequence);
    const type = DISPUTE_TYPE_MIX.pick(random);
    const source = DISPUTE_SOURCE_MIX.pick(random);
    const acceptNow = random.chance(0.9);
    const row: DisputesTable = Object.assign(
      syncRow(stamps, committee.orgId, terminal.terminalId, ms, actor.userId),
      {
        case_no: formatCaseNumber({
          year,
          orgAbbreviation: abbreviations.get(committee.orgId)!,
          terminalNumber: includesTerminal(terminal.number, committee.terminalCount)
            ? terminal.number
            : null,
          sequence,
        }),
        official_no: null,
        registered_org_id: committee.orgId,
        case_year: year,
        case_terminal: terminal.number,
        case_seq: sequence,
        state: acceptNow ? 'accepted' : 'registered',
        type,
        source,
        transfer_origin: source === 'transfer' ? random.pick(TRANSFER_ORIGINS) : null,
        summary: summaryOf(random, type),
        occurred_on: addDays(on, -random.int(0, 20)),
        place: committee.place.replace(/调解室$/, ''),
        amount_fen:
          MONEY_TYPES.includes(type) && random.chance(0.6) ? random.int(10, 3000) * 10_000 : null,
        people_involved: random.int(2, 5),
        risk_level: random.chance(0.9) ? ('general' as const) : ('serious' as const),
        party_names: '',
        registered_on: on,
        accepted_on: acceptNow ? on : null,
        clock_start_on: acceptNow ? on : null,
        due_date: acceptNow ? targetDueDate(on) : null,
        ...NOT_YET_CONCLUDED,
      },
    );
    const story = new DisputeStory(stamps, options.nowMs, row);
    const count = random.chance(0.8) ? 2 : random.chance(0.75) ? 3 : 4;
    parties.addParties(
      story,
      actor,
      ms,
      registeredBy(register, ms),
      count,
      committees.township.name,
    );
    row.party_names = partyNamesOf(story.parties);
    story.change(
      ms,
      actor,
      'register',
      {},
      { to: row.state, note: acceptNow ? '登记并受理' : '登记' },
    );
    afterRegistration(
      { random, story, township: committees.township },
      { ...committee, recorder: actor },
    );

    const rowid = disputes.insert(story.row);
    await indexDispute(db, { rowid, caseNo: row.case_no, partyNames: row.party_names });
    const companions: [(typeof TABLES)[number], object[]][] = [
      ['dispute_parties', story.parties],
      ['dispute_mediators', story.team],
      ['mediation_sessions', story.sessions],
      ['dispute_agreements', story.agreements],
      ['dispute_follow_ups', story.followUps],
      ['dispute_readers', story.readers],
      ['dispute_events', story.events],
    ];
    for (const [table, rows] of companions)
      for (const companion of rows) writers[table].insert(companion);
    counts.disputes += 1;
    counts.parties += story.parties.length;
    counts.sessions += story.sessions.length;
    counts.events += story.events.length;
  });
  writeSequences(sqlite, sequences);
  return counts;
}

/** The per-terminal counters numbering reads with the highest number on file. */
function writeSequences(sqlite: BetterSqlite3.Database, sequences: Map<string, number>): void {
  const insert = sqlite.prepare('INSERT INTO case_sequences (scope, last) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (const [scope, last] of sequences) insert.run(`dispute:${scope}`, last);
  })();
}
