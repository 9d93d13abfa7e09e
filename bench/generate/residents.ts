import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database, ResidentsTable } from '../../electron/backend/db/schema';
import {
  rebuildResidentSearchIndexes,
  residentInitials,
} from '../../electron/backend/residents/search-index';
import { addressIn, IdNumbers, person } from './people';
import type { Random } from './random';
import type { SetUpTerminal } from './setup';
import { syncRow, type Stamps } from './stamps';
import { inBatches, TableWriter } from './writer';

/** The register as the cases draw on it: in order of registration (= rowid order). */
export interface Register {
  ids: string[];
  names: string[];
  /** When each was registered, ascending. */
  registeredMs: number[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A third of the register came in as an import in the terminal's first weeks; the rest was
 * registered at the window over the years, as people first came in.
 */
function registrationTimes(random: Random, count: number, firstMs: number, nowMs: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    times.push(
      random.chance(0.35)
        ? firstMs + random.int(0, 20) * DAY_MS + random.int(0, 8 * 3600) * 1000
        : random.int(firstMs, nowMs - DAY_MS),
    );
  }
  return times.sort((a, b) => a - b);
}

/** A few residents hold no mainland ID: Hong Kong, Macao and Taiwan residents, foreigners. */
function otherDocument(random: Random): Pick<ResidentsTable, 'doc_type' | 'doc_number'> | null {
  const roll = random.float();
  const digits = (n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
  if (roll < 0.002) return { doc_type: 'hk_macao_pass', doc_number: `H${digits(8)}` };
  if (roll < 0.003) return { doc_type: 'taiwan_pass', doc_number: digits(8) };
  if (roll < 0.004) return { doc_type: 'passport', doc_number: `E${digits(8)}` };
  return null;
}

export async function writeResidents(
  sqlite: BetterSqlite3.Database,
  db: Kysely<Database>,
  random: Random,
  stamps: Stamps,
  terminal: SetUpTerminal,
  options: { count: number; firstMs: number; nowMs: number; today: string },
): Promise<Register> {
  const register: Register = { ids: [], names: [], registeredMs: [] };
  const writer = new TableWriter<ResidentsTable>(sqlite, 'residents');
  const ids = new IdNumbers();
  const times = registrationTimes(random, options.count, options.firstMs, options.nowMs);
  await inBatches(sqlite, times, 20_000, (ms) => {
    const clerk = random.pick(terminal.clerks);
    const village = random.pick(terminal.villages);
    const someone = person(random, ids, options.today);
    const other = otherDocument(random);
    const row: ResidentsTable = Object.assign(
      syncRow(stamps, terminal.township.id, terminal.terminalId, ms, clerk.id),
      {
        doc_type: other?.doc_type ?? 'resident_id',
        doc_number: other?.doc_number ?? someone.idNumber,
        name: someone.name,
        gender: other ? null : someone.gender,
        birth_date: other ? null : someone.birthDate,
        phone: someone.phone,
        address: addressIn(random, terminal.county.name, terminal.township.name, village.name),
        village_org_id: village.id,
        ethnicity: someone.ethnicity,
        initials: residentInitials(someone.name),
      },
    );
    writer.insert(row);
    register.ids.push(row.id);
    register.names.push(row.name);
    register.registeredMs.push(ms);
  });
  // The app's own bulk path: the same entries indexResident writes one by one.
  sqlite.exec('BEGIN');
  await rebuildResidentSearchIndexes(db);
  sqlite.exec('COMMIT');
  return register;
}

/** How many residents had been registered at `ms`: the cases of that day draw from these. */
export function registeredBy(register: Register, ms: number): number {
  let low = 0;
  let high = register.registeredMs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (register.registeredMs[mid]! <= ms) low = mid + 1;
    else high = mid;
  }
  return Math.max(low, 1);
}
