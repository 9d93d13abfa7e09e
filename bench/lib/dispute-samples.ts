import type BetterSqlite3 from 'better-sqlite3';
import type { Random } from '../generate/random';

/** What a mediator types, sampled from the register: parties' names, case numbers as printed. */
interface DisputeSamples {
  surnames: string[];
  twos: string[];
  threes: string[];
  caseNumbers: string[];
  sequences: string[];
}

export function sampleDisputes(
  sqlite: BetterSqlite3.Database,
  random: Random,
  n: number,
): DisputeSamples {
  const max = (sqlite.prepare('SELECT max(rowid) AS m FROM disputes').get() as { m: number }).m;
  const one = sqlite.prepare('SELECT case_no, case_seq, party_names FROM disputes WHERE rowid = ?');
  const rows: { case_no: string; case_seq: number; party_names: string }[] = [];
  while (rows.length < n * 3) {
    const row = one.get(random.int(1, max)) as (typeof rows)[number] | undefined;
    if (row) rows.push(row);
  }
  const names = rows.map((row) => random.pick(row.party_names.split('、')));
  const people = names.filter((name) => !name.endsWith('公司'));
  return {
    surnames: people.slice(0, n).map((name) => Array.from(name)[0]!),
    twos: people.slice(0, n).map((name) => Array.from(name).slice(-2).join('')),
    threes: names.filter((name) => Array.from(name).length >= 3).slice(0, n),
    // "人调字第01-123号" as copied from a paper, or the year and the unit.
    caseNumbers: rows
      .slice(n, 2 * n)
      .map((row) =>
        random.chance(0.7)
          ? row.case_no.slice(row.case_no.indexOf('人调字'))
          : row.case_no.slice(0, 9),
      ),
    sequences: rows.slice(2 * n, 3 * n).map((row) => String(row.case_seq)),
  };
}
