import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';

import { formatCaseNumber } from '@shared/domain/cases/case-number';
import { materialSchema } from '@shared/domain/catalogue/service-item';
import type {
  CaseEventsTable,
  CaseMaterialsTable,
  CasesTable,
  Database,
} from '../../electron/backend/db/schema';
import { indexCaseForSearch } from '../../electron/backend/cases/service';
import { agencyCase, counterCase } from './case-paths';
import type { AgencyPoint, CaseWorld, ItemVersion, Window } from './case-story';
import { casesPerDay, itemMix } from './case-volume';
import { officeInstant, workingDays } from './office-time';
import type { Random } from './random';
import { registeredBy, type Register } from './residents';
import type { Stamps } from './stamps';
import { inBatches, TableWriter } from './writer';

/** Where a case was taken in: the org code and terminal number its case number carries. */
interface Desk {
  orgCode: string;
  terminal: string;
}

export interface CaseDesks {
  windows: (Window & Desk)[];
  points: (AgencyPoint & Desk)[];
  /** This terminal's case-number prefix, whose daily counters case_sequences keeps. */
  own: Desk;
}

async function loadItems(db: Kysely<Database>): Promise<(ItemVersion & { code: string })[]> {
  const rows = await db
    .selectFrom('service_items as i')
    .innerJoin('service_item_versions as v', 'v.id', 'i.current_version_id')
    .select([
      'i.id',
      'i.code',
      'v.id as version_id',
      'v.name',
      'v.type',
      'v.promised_days',
      'v.agency_allowed',
      'v.materials',
    ])
    .execute();
  return rows.map((row) => ({
    itemId: row.id,
    code: row.code,
    versionId: row.version_id,
    name: row.name,
    type: row.type,
    promisedDays: row.promised_days,
    agencyAllowed: row.agency_allowed === 1,
    materials: materialSchema.array().parse(JSON.parse(row.materials)),
  }));
}

/** One planned intake: day order, then time, so that cases get rowids in the order of intake. */
interface Intake {
  ms: number;
  item: ItemVersion;
  desk: { window: Window & Desk } | { point: AgencyPoint & Desk };
}

function* intakes(
  random: Random,
  world: CaseWorld,
  desks: CaseDesks,
  items: ReturnType<typeof itemMix>,
  firstDay: string,
  lastDay: string,
  total: number,
) {
  const days = workingDays(firstDay, lastDay, world.days.calendar);
  const counts = casesPerDay(days, total);
  for (const [index, date] of days.entries()) {
    const day: Intake[] = [];
    for (let i = 0; i < counts[index]!; i++) {
      const item = items.pick(random);
      const agency = item.agencyAllowed && random.chance(0.14);
      day.push({
        ms: officeInstant(random, date),
        item,
        desk: agency
          ? { point: random.pick(desks.points) }
          : { window: random.pick(desks.windows) },
      });
    }
    yield* day.sort((a, b) => a.ms - b.ms);
  }
}

export interface CaseCounts {
  cases: number;
  materials: number;
  events: number;
}

/**
 * Ten years of intake: each case's row, checklist and timeline as the workflow leaves them, and its
 * cases_fts entry written by the app's own indexCaseForSearch, batch by batch.
 */
export async function writeCases(
  sqlite: BetterSqlite3.Database,
  db: Kysely<Database>,
  random: Random,
  stamps: Stamps,
  world: CaseWorld,
  desks: CaseDesks,
  register: Register,
  options: { total: number; firstDay: string; lastDay: string; progress: (done: number) => void },
): Promise<CaseCounts> {
  const cases = new TableWriter<CasesTable>(sqlite, 'cases');
  const materials = new TableWriter<CaseMaterialsTable>(sqlite, 'case_materials');
  const events = new TableWriter<CaseEventsTable>(sqlite, 'case_events');
  const sequences = new Map<string, number>();
  const counts: CaseCounts = { cases: 0, materials: 0, events: 0 };
  const items = itemMix(await loadItems(db));
  const plan = intakes(
    random,
    world,
    desks,
    items,
    options.firstDay,
    options.lastDay,
    options.total,
  );
  await inBatches(
    sqlite,
    plan,
    10_000,
    async (intake) => {
      const desk = 'window' in intake.desk ? intake.desk.window : intake.desk.point;
      const date = shanghaiDate(intake.ms);
      const scope = `case:${desk.orgCode}:${desk.terminal}:${date.replaceAll('-', '')}`;
      const sequence = (sequences.get(scope) ?? 0) + 1;
      sequences.set(scope, sequence);
      const residentIndex = random.int(0, registeredBy(register, intake.ms) - 1);
      const start = {
        item: intake.item,
        resident: { id: register.ids[residentIndex]!, name: register.names[residentIndex]! },
        caseNo: formatCaseNumber({
          orgCode: desk.orgCode,
          terminal: desk.terminal,
          date,
          sequence,
        }),
        startMs: intake.ms,
      };
      const story =
        'window' in intake.desk
          ? counterCase(world, random, stamps, { ...start, via: { window: intake.desk.window } })
          : agencyCase(world, random, stamps, { ...start, via: { point: intake.desk.point } });
      const rowid = cases.insert(story.row);
      await indexCaseForSearch(db, {
        rowid,
        caseNo: story.row.case_no,
        applicantName: story.row.applicant_name,
        itemName: story.row.item_name,
      });
      for (const material of story.materials) materials.insert(material);
      for (const event of story.events) events.insert(event);
      counts.cases += 1;
      counts.materials += story.materials.length;
      counts.events += story.events.length;
    },
    options.progress,
  );
  writeOwnSequences(sqlite, sequences, desks.own);
  return counts;
}

/** The daily counters of this terminal, so that today's intake continues after the last number. */
function writeOwnSequences(
  sqlite: BetterSqlite3.Database,
  sequences: Map<string, number>,
  own: Desk,
): void {
  const insert = sqlite.prepare('INSERT INTO case_sequences (scope, last) VALUES (?, ?)');
  const prefix = `case:${own.orgCode}:${own.terminal}:`;
  sqlite.transaction(() => {
    for (const [scope, last] of sequences) if (scope.startsWith(prefix)) insert.run(scope, last);
  })();
}
