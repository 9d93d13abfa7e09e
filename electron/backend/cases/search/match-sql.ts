import { sql, type RawBuilder } from 'kysely';
import { DOCUMENT_TYPES } from '@shared/domain/identity/documents';
import type { CaseSearch } from './case-search';
import { NO_INDEX, executeNaming, indexedBy, type PresentIndexes } from '../../db/named-indexes';
import type { Db } from '../../db/queryable';
import { valueList } from '../../core/value-list-sql';

/**
 * The caller's units and user, as far as a search's candidates need them; `foreignOwners` are the
 * units outside the scope that own hand-offs from its villages (../list/scope-sql.ts, findForeignOwners).
 */
interface MatchScope {
  orgIds: readonly string[];
  userId: string;
  foreignOwners: readonly { agencyOrgId: string; orgUnitId: string }[];
}

/**
 * A search box entry matched two ways, which must agree:
 * - candidates: the rowids of the cases it can match, read from the search indexes (few for a
 *   name, a case number, a rare word), to be sorted whole (findCandidates); each with its intake
 *   time `k` where the index read holds it (all but the full-text index), so that a page in order
 *   of intake reads only its own rows;
 * - a row test: whether one case matches, for a walk down the list in sort order that stops at the
 *   page (for a word in the name of a popular item, which matches a third of ten years of cases).
 * Both read the case as recorded (applicant, initials and item name as taken in); two-character
 * names through the residents' bigram index.
 */
export function candidateParts(
  search: CaseSearch,
  scope: MatchScope,
  present: PresentIndexes,
): RawBuilder<unknown>[] {
  switch (search.kind) {
    case 'none':
      return [];
    case 'applicant':
      // Equality on residents_document (every type: the number says which it is no better than
      // the register) and residents_phone, then the holders' cases on cases_resident.
      return [
        ...(search.docNumbers.length > 0
          ? [
              sql`SELECT k.rowid AS rid, k.created_at AS k FROM residents r
              CROSS JOIN cases k ON k.resident_id = r.id
              WHERE r.doc_type IN (${valueList(DOCUMENT_TYPES)})
                AND r.doc_number IN (${valueList(search.docNumbers)}) AND r.deleted_at IS NULL`,
            ]
          : []),
        ...(search.phones.length > 0
          ? [
              sql`SELECT k.rowid AS rid, k.created_at AS k FROM residents r
              CROSS JOIN cases k ON k.resident_id = r.id
              WHERE r.phone IN (${valueList(search.phones)}) AND r.deleted_at IS NULL`,
            ]
          : []),
        ...(search.numbered ? candidateParts(search.numbered, scope, present) : []),
      ];
    case 'fts':
      // No intake time in the full-text index: reading it would read every candidate's row.
      return [
        sql`SELECT rowid AS rid, NULL AS k FROM cases_fts WHERE cases_fts MATCH ${search.match}`,
      ];
    case 'bigram':
      // CROSS JOIN keeps SQLite starting from the bigram and the (small) catalogue.
      return [
        sql`SELECT k.rowid AS rid, k.created_at AS k FROM resident_bigrams b
          CROSS JOIN residents r ON r.rowid = b.resident_rowid
          CROSS JOIN cases k ON k.resident_id = r.id
          WHERE b.bigram = ${search.text} AND instr(r.name, ${search.text}) > 0`,
        sql`SELECT k.rowid AS rid, k.created_at AS k FROM service_items i
          CROSS JOIN cases k ON k.org_unit_id IN (${valueList(scope.orgIds)}) AND k.item_id = i.id
          WHERE instr(i.name, ${search.text}) > 0`,
        sql`SELECT k.rowid AS rid, k.created_at AS k FROM service_items i
          CROSS JOIN cases k ON k.agent_user_id = ${scope.userId} AND k.item_id = i.id
          WHERE instr(i.name, ${search.text}) > 0`,
        // A village sees what its agents handed over, now owned by the township.
        ...scope.foreignOwners.map(
          (owner) => sql`SELECT k.rowid AS rid, k.created_at AS k FROM service_items i
          CROSS JOIN cases k ON k.org_unit_id = ${owner.orgUnitId} AND k.item_id = i.id
            AND k.agency_org_id = ${owner.agencyOrgId}
          WHERE instr(i.name, ${search.text}) > 0`,
        ),
      ];
    case 'initials':
      // Lower-case ASCII initials: everything from the prefix up to the prefix followed by '{',
      // with the intake time, in one range of cases_live_initials.
      return [
        sql`SELECT k.rowid AS rid, k.created_at AS k
          FROM ${indexedBy(sql`cases k`, 'cases_live_initials', present)} WHERE k.applicant_initials >= ${search.prefix}
            AND k.applicant_initials < ${`${search.prefix}{`} AND k.deleted_at IS NULL`,
      ];
  }
}

/** The row test on `cases c` that matches what the candidates hold. */
export function rowMatches(search: CaseSearch): RawBuilder<unknown> | null {
  switch (search.kind) {
    case 'none':
      return null;
    case 'applicant': {
      const holders = sql`c.resident_id IN (SELECT id FROM residents
        WHERE deleted_at IS NULL AND ((doc_type IN (${valueList(DOCUMENT_TYPES)})
          AND doc_number IN (${valueList(search.docNumbers)})) OR phone IN (${valueList(search.phones)})))`;
      const numbered = search.numbered && rowMatches(search.numbered);
      return numbered ? sql`(${holders} OR ${numbered})` : holders;
    }
    case 'fts':
      // What cases_fts indexes (../intake/search-index.ts): the number as printed and as its digits
      // alone, the applicant, the item; trigram matching folds ASCII case.
      return sql`(${sql.join(
        search.texts.map(
          (text) => sql`instr(lower(c.case_no || ' ' || replace(c.case_no, '-', '')), ${text}) > 0
            OR instr(lower(c.applicant_name), ${text}) > 0 OR instr(lower(c.item_name), ${text}) > 0`,
        ),
        sql` OR `,
      )})`;
    case 'bigram':
      return sql`(instr(c.applicant_name, ${search.text}) > 0 OR instr(c.item_name, ${search.text}) > 0)`;
    case 'initials':
      return sql`(c.applicant_initials >= ${search.prefix}
        AND c.applicant_initials < ${`${search.prefix}{`})`;
  }
}

/**
 * Past this many candidates a search page is read by walking the list in sort order: the matches
 * are then at least one case in a few hundred, so a page of them is near the top, while sorting them
 * all would read every one. Below it the candidates are fewer than such a walk would read.
 */
const WALK_THRESHOLD = 5_000;

/**
 * What the search indexes hold for a search: nothing to look up (no search), too many to sort (a
 * walk tests rows instead), or the candidates themselves, read once for both the page and the count
 * (a trigram query of digits intersects long lists: run three times, it alone missed the target).
 */
export type Candidates =
  | { kind: 'none' }
  | { kind: 'many' }
  /** `createdAt[i]` is the intake time of `rowids[i]`; null when the indexes did not hold it. */
  | { kind: 'few'; rowids: readonly number[]; createdAt: readonly string[] | null };

/** Reads up to the threshold, in the search indexes alone (UNION ALL streams; duplicates go here). */
export async function findCandidates(
  db: Db,
  search: CaseSearch,
  scope: MatchScope,
  threshold = WALK_THRESHOLD,
): Promise<Candidates> {
  // Which parts a search has does not depend on the indexes, only how each is read.
  if (candidateParts(search, scope, NO_INDEX).length === 0) return { kind: 'none' };
  const result = await executeNaming(
    db,
    (present) => sql<{ rid: number; k: string | null }>`SELECT rid, k FROM
      (${sql.join(candidateParts(search, scope, present), sql` UNION ALL `)}) LIMIT ${threshold + 1}`,
  );
  if (result.rows.length > threshold) return { kind: 'many' };
  const unique = new Map(result.rows.map((row) => [row.rid, row.k]));
  const keys = [...unique.values()];
  return {
    kind: 'few',
    rowids: [...unique.keys()],
    createdAt: keys.every((k) => k !== null) ? (keys as string[]) : null,
  };
}

/** The few candidates as a row source for the page and the count. */
export function candidateRows(rowids: readonly number[]): RawBuilder<unknown> {
  return sql`SELECT value AS rid FROM json_each(${JSON.stringify(rowids)})`;
}

/**
 * The few candidates in order of intake, from the times the indexes gave (a co-routine: LIMIT -1
 * keeps SQLite from flattening it into the join and sorting the joined rows), so that the page
 * reads candidates' rows in that order and stops when it is full.
 */
export function candidatesByIntake(
  rowids: readonly number[],
  createdAt: readonly string[],
  dir: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const pairs = JSON.stringify(rowids.map((rid, i) => [rid, createdAt[i]]));
  return sql`SELECT value ->> 0 AS rid, value ->> 1 AS k FROM json_each(${pairs})
    ORDER BY k ${dir}, rid ${dir} LIMIT -1`;
}
