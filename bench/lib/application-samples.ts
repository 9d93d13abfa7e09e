import type BetterSqlite3 from 'better-sqlite3';
import { materialSchema } from '@shared/domain/catalogue/service-item';
import type { MethodInput } from '@shared/api';
import { commonNames } from '../generate/names';
import type { Random } from '../generate/random';

/**
 * What people type, sampled from the data itself: names, initials and numbers of real rows, so that
 * every query finds something, as it does at the counter.
 */

interface ResidentRow {
  id: string;
  name: string;
  initials: string;
  doc_number: string;
  doc_type: string;
  phone: string | null;
}

interface CaseRow {
  case_no: string;
  applicant_name: string;
  item_name: string;
}

function rows<T>(
  sqlite: BetterSqlite3.Database,
  table: string,
  columns: string,
  random: Random,
  n: number,
): T[] {
  const max = (sqlite.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number }).m;
  const one = sqlite.prepare(`SELECT ${columns} FROM ${table} WHERE rowid = ?`);
  const out: T[] = [];
  while (out.length < n) {
    const row = one.get(random.int(1, max)) as T | undefined;
    if (row) out.push(row);
  }
  return out;
}

/** Two characters of a name as people type them: the given name, or the surname and the next one. */
function twoOf(random: Random, text: string): string {
  const characters = Array.from(text);
  if (characters.length <= 2) return characters.join('');
  const start = random.chance(0.6) ? characters.length - 2 : random.int(0, characters.length - 2);
  return characters.slice(start, start + 2).join('');
}

function pieceOf(random: Random, text: string, length: number): string {
  const characters = Array.from(text);
  const start = random.int(0, Math.max(0, characters.length - length));
  return characters.slice(start, start + length).join('');
}

/** A fragment of a case number as a clerk copies it: date and sequence, or the digits alone. */
function caseNumberFragment(random: Random, caseNo: string): string {
  const [, , date = '', sequence = ''] = caseNo.split('-');
  const roll = random.float();
  if (roll < 0.6) return `${date}-${sequence}`;
  if (roll < 0.8) return `${date.slice(4)}-${sequence}`;
  return `${date}${sequence}`;
}

interface ApplicationSamples {
  residentTwo: string[];
  residentThree: string[];
  residentInitials: string[];
  idNumbers: string[];
  wholePhones: string[];
  caseTwo: string[];
  /** The hundred commonest two-character full names (王丽), each as often as the others. */
  commonFullNames: string[];
  /** The hundred commonest two-character given names (建国). */
  commonGivenNames: string[];
  caseThree: string[];
  caseInitials: string[];
  caseNumbers: string[];
  intakes: MethodInput<'cases.intake'>[];
}

export function sampleApplications(
  sqlite: BetterSqlite3.Database,
  random: Random,
  n: number,
): ApplicationSamples {
  const residents = rows<ResidentRow>(
    sqlite,
    'residents',
    'id, name, initials, doc_number, doc_type, phone',
    random,
    n * 4,
  );
  const cases = rows<CaseRow>(sqlite, 'cases', 'case_no, applicant_name, item_name', random, n * 3);
  const ids = residents.filter((r) => r.doc_type === 'resident_id');
  const common = commonNames(100);
  const cycle = (names: readonly string[]) =>
    Array.from({ length: n }, (_, i) => names[i % names.length]!);
  const threes = residents.filter((r) => Array.from(r.name).length >= 3);
  const items = sqlite
    .prepare(
      `SELECT i.id, v.materials FROM service_items i JOIN service_item_versions v ON v.id = i.current_version_id WHERE i.active = 1`,
    )
    .all() as { id: string; materials: string }[];
  return {
    residentTwo: residents.slice(0, n).map((r) => twoOf(random, r.name)),
    residentThree: threes.slice(0, n).map((r) => r.name),
    residentInitials: residents.slice(n, 2 * n).map((r) => r.initials.slice(0, random.int(2, 3))),
    idNumbers: ids.slice(0, n).map((r) => r.doc_number),
    // A whole phone: how a clerk looks up someone whose card is not at hand (issue 11: part of a
    // number no longer matches, since it rebuilt the hidden digits); the whole ID number without one.
    wholePhones: ids.slice(n, 2 * n).map((r) => r.phone ?? r.doc_number),
    caseTwo: cases
      .slice(0, n)
      .map((c) =>
        random.chance(0.8) ? twoOf(random, c.applicant_name) : pieceOf(random, c.item_name, 2),
      ),
    commonFullNames: cycle(common.fullNames),
    commonGivenNames: cycle(common.givenNames),
    caseThree: cases
      .slice(0, n)
      .map((c) =>
        random.chance(0.7) && Array.from(c.applicant_name).length >= 3
          ? c.applicant_name
          : pieceOf(random, c.item_name, random.int(3, 4)),
      ),
    caseInitials: residents
      .slice(2 * n, 3 * n)
      .map((r) => r.initials.slice(0, 3))
      .filter((s) => s.length >= 2),
    caseNumbers: cases.slice(n, 2 * n).map((c) => caseNumberFragment(random, c.case_no)),
    intakes: residents.slice(3 * n, 4 * n).map((resident) => {
      const item = random.pick(items);
      const materials = materialSchema.array().parse(JSON.parse(item.materials));
      return {
        residentId: resident.id,
        itemId: item.id,
        outcome: 'complete' as const,
        materials: materials.map((material, position) => ({
          position,
          status: material.condition === null ? ('received' as const) : ('not_applicable' as const),
        })),
      };
    }),
  };
}
