import { sql } from 'kysely';
import type { Db } from '../org-units';
import type { Trx } from './record-store';
import type { ParentOf } from './routing';

/**
 * The county's org tree as a push reads it for scope and routing, kept per hub process and county
 * between pushes. Every push used to read the whole tree (every unit of the county, retired ones
 * too, since records still name them) and build its map again; the tree changes only when the
 * county publishes an edition (org-tree.ts: units and edition number in one transaction), so the
 * edition number says whether a kept tree is still the county's. Several hub processes may serve one
 * database: the edition is read from the database in every push's transaction, after its records
 * are locked (a push that waited on a lock while an edition was published is checked against the
 * new tree), never trusted from this process's memory. A hub database put back from a backup while
 * its processes run could publish another tree under a number kept here: restart them after one.
 */
export class CountyTree {
  private readonly children = new Map<string, string[]>();
  private readonly belowOf = new Map<string, ReadonlyMap<string, string | null>>();

  constructor(
    /** The edition the tree was read at; 0 before the county's first. */
    readonly edition: number,
    readonly parentOf: ParentOf,
  ) {
    for (const [unit, parent] of parentOf) {
      if (parent === null) continue;
      const siblings = this.children.get(parent);
      if (siblings) siblings.push(unit);
      else this.children.set(parent, [unit]);
    }
  }

  /** The units below `unitId`, each with its parent (scope.ts, ScopeCheck.below). */
  below(unitId: string): ReadonlyMap<string, string | null> {
    const known = this.belowOf.get(unitId);
    if (known) return known;
    const below = new Map<string, string | null>();
    const queue = [unitId];
    for (let i = 0; i < queue.length; i += 1) {
      const parent = queue[i]!;
      for (const child of this.children.get(parent) ?? []) {
        below.set(child, parent);
        queue.push(child);
      }
    }
    this.belowOf.set(unitId, below);
    return below;
  }
}

/**
 * Per database handle, then per county: tests and tools open several databases in one process, in
 * which one county code and edition number may stand for different trees.
 */
const kept = new WeakMap<Db, Map<string, CountyTree>>();

/**
 * The county's tree as of its latest edition, read in the push's transaction. A kept tree of that
 * edition is used as it is; otherwise the tree is read with its edition, in one statement, and kept.
 * Edition 0 is never kept: before the first edition the county's unit is written without one
 * (org-units.ts, ensureCounty).
 */
export async function countyTreeAt(db: Db, trx: Trx, countyCode: string): Promise<CountyTree> {
  let county = kept.get(db);
  const held = county?.get(countyCode);
  const latest = await sql<{ edition: number | null }>`
    SELECT max(edition) AS edition FROM org_tree_editions WHERE "county_code" = ${countyCode}`.execute(
    trx,
  );
  const edition = Number(latest.rows[0]?.edition ?? 0);
  if (held && edition > 0 && held.edition === edition) return held;
  const { rows } = await sql<{
    id: string | null;
    parent_id: string | null;
    edition: number | null;
  }>`
    SELECT u.id, u.parent_id, e.edition
    FROM (SELECT max(edition) AS edition FROM org_tree_editions WHERE "county_code" = ${countyCode}) AS e
    LEFT JOIN org_units AS u ON u."county_code" = ${countyCode}`.execute(trx);
  const read = Number(rows[0]?.edition ?? 0);
  const tree = new CountyTree(
    read,
    new Map(rows.flatMap((row) => (row.id === null ? [] : [[row.id, row.parent_id] as const]))),
  );
  if (read > 0) {
    if (!county) {
      county = new Map();
      kept.set(db, county);
    }
    county.set(countyCode, tree);
  }
  return tree;
}
