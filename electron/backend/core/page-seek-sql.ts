import { sql, type RawBuilder } from 'kysely';
import type { PageSeek } from './page-cursor';

/**
 * The SQL of an anchored walk (page-cursor.ts): an index walk in sort order that starts strictly
 * past the anchor's row. The row-value comparison on the walk's key columns and rowid is a range
 * on its (org_unit_id, key…) index, so the walk reads the skipped rows and the page, not every row
 * before them.
 */
export interface SeekWalk {
  /** The walk's key columns in index order; none for the walk of rows that lack the key. */
  keys: readonly RawBuilder<unknown>[];
  rowid: RawBuilder<unknown>;
}

type SortDir = 'asc' | 'desc';

/** The order a walk reads in: the sort's, or its reverse when the page lies before the anchor. */
export function seekDirection(dir: SortDir, seek: PageSeek | null): SortDir {
  if (!seek?.backward) return dir;
  return dir === 'asc' ? 'desc' : 'asc';
}

/**
 * The walk's share of “past the anchor”: a term, null when every row of the walk is past it, or
 * false when none is (the walk is then left out: a constant false under INDEXED BY leaves SQLite
 * with no plan). Rows that
 * lack a nullable key come after all the others in either direction, so an anchor with a key lets
 * a forward page through all of them and a backward page through none; an anchor without one, the
 * reverse, and the key-less walk itself then goes on by rowid.
 */
export function seekTerm(
  walk: SeekWalk,
  seek: PageSeek | null,
  dir: SortDir,
): RawBuilder<unknown> | null | false {
  if (!seek) return null;
  const op = sql.raw(seekDirection(dir, seek) === 'desc' ? '<' : '>');
  const anchorLacksKey = seek.from.key[0] === null;
  const walkLacksKey = walk.keys.length === 0;
  if (walkLacksKey !== anchorLacksKey) {
    // One walk lies wholly after the other: past the anchor going forward, before it going back.
    const walkIsAfter = walkLacksKey;
    return walkIsAfter !== seek.backward ? null : false;
  }
  if (walkLacksKey) return sql`${walk.rowid} ${op} ${seek.from.rowid}`;
  const columns = sql.join([...walk.keys, walk.rowid]);
  const values = sql.join([...seek.from.key, seek.from.rowid].map((value) => sql`${value}`));
  return sql`(${columns}) ${op} (${values})`;
}
