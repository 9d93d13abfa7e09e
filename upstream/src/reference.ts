import { randomBytes } from 'node:crypto';
import type { HubOrgUnit } from '@shared/sync/hub-contract';
import {
  REFERENCE_KINDS,
  type ReferenceEdition,
  type ReferenceKind,
  type ReferenceManifest,
  type ReferencePayload,
  type RosterFile,
} from '@shared/sync/reference-contract';
import { uuidv7 } from '@shared/sync/uuid';
import { HubFailure } from './failure';
import type { Db } from './org-units';

/**
 * The latest edition number of every kind, the org tree's included, in one statement: each is the
 * first entry of a backward scan of its primary key, so the cost stays the same however many
 * editions a county has published. 2,000 terminals ask this once a minute each.
 */
export async function referenceManifest(db: Db, countyCode: string): Promise<ReferenceManifest> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('org_tree_editions')
        .select('edition')
        .where('county_code', '=', countyCode)
        .orderBy('edition', 'desc')
        .limit(1)
        .as('orgTree'),
      ...REFERENCE_KINDS.map((kind) =>
        eb
          .selectFrom('reference_editions')
          .select('edition')
          .where('county_code', '=', countyCode)
          .where('kind', '=', kind)
          .orderBy('edition', 'desc')
          .limit(1)
          .as(kind),
      ),
    ])
    .executeTakeFirstOrThrow();
  const editions = row as Record<keyof ReferenceManifest['editions'], number | null>;
  return {
    countyCode,
    editions: {
      orgTree: editions.orgTree,
      catalogue: editions.catalogue,
      calendar: editions.calendar,
      disputeTypes: editions.disputeTypes,
      mediationReference: editions.mediationReference,
      roster: editions.roster,
    },
  };
}

/** The number of the county's latest edition of a kind, or null before its first. */
export async function latestEditionNumber(
  db: Db,
  countyCode: string,
  kind: ReferenceKind,
): Promise<number | null> {
  const row = await db
    .selectFrom('reference_editions')
    .select('edition')
    .where('county_code', '=', countyCode)
    .where('kind', '=', kind)
    .orderBy('edition', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.edition ?? null;
}

/** One edition of a kind, whole (the roster unscoped): the latest when `edition` is left out. */
export async function readReference<K extends ReferenceKind>(
  db: Db,
  countyCode: string,
  kind: K,
  edition?: number,
): Promise<ReferenceEdition<K> | null> {
  let query = db
    .selectFrom('reference_editions')
    .select(['edition', 'payload', 'published_at'])
    .where('county_code', '=', countyCode)
    .where('kind', '=', kind);
  if (edition !== undefined) query = query.where('edition', '=', edition);
  const row = await query.orderBy('edition', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    kind,
    countyCode,
    edition: row.edition,
    publishedAt: row.published_at.toISOString(),
    payload: row.payload as ReferencePayload<K>,
  };
}

/**
 * The roster holds mediators' phone numbers: a terminal sees the entries of its own unit and of the
 * units below it (division codes nest: a village's starts with its township's), the county centre
 * all of them.
 */
export function rosterVisibleTo(unit: HubOrgUnit, roster: RosterFile): RosterFile {
  if (unit.level === 'county') return roster;
  return { entries: roster.entries.filter((entry) => entry.orgUnitCode.startsWith(unit.code)) };
}

/**
 * Publishes a new edition of one kind in one transaction, under the county row's lock (the lock the
 * org tree's publish takes too, so that a roster is checked against the units of the moment). A
 * publisher that did not see the latest edition is refused and nothing is written.
 */
export async function publishReference<K extends ReferenceKind>(
  db: Db,
  countyCode: string,
  kind: K,
  request: { baseEdition: number; payload: ReferencePayload<K> },
  publishedBy: string,
  now: Date,
): Promise<ReferenceEdition<K>> {
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('counties')
      .select('county_code')
      .where('county_code', '=', countyCode)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const latest = (await latestEditionNumber(trx, countyCode, kind)) ?? 0;
    if (request.baseEdition !== latest) throw new HubFailure('REFERENCE_EDITION_STALE');
    const edition = request.baseEdition + 1;
    const payload =
      kind === 'roster'
        ? ((await settleRoster(
            trx,
            countyCode,
            request.payload as RosterFile,
            edition,
            now,
          )) as ReferencePayload<K>)
        : request.payload;
    await trx
      .insertInto('reference_editions')
      .values({
        county_code: countyCode,
        kind,
        edition,
        payload: JSON.stringify(payload),
        published_at: now,
        published_by_terminal_id: publishedBy,
      })
      .execute();
    return { kind, countyCode, edition, publishedAt: now.toISOString(), payload };
  });
}

/** Statements stay well under PostgreSQL's 65,535 parameters for the contract's largest roster. */
const BATCH = 5000;
function batches<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) result.push(items.slice(i, i + BATCH));
  return result;
}

/**
 * Checks a roster against the county and gives every entry its id: an id the publisher sends is kept
 * (it is what terminals already store), an entry without one gets a new UUIDv7. Refused, naming the
 * entry: a unit that is not a current unit of the county, an id twice in one roster, an id another
 * county's roster already uses.
 */
async function settleRoster(
  trx: Db,
  countyCode: string,
  roster: RosterFile,
  edition: number,
  now: Date,
): Promise<RosterFile> {
  const units = await trx
    .selectFrom('org_units')
    .select('code')
    .where('county_code', '=', countyCode)
    .where('retired_at', 'is', null)
    .execute();
  const current = new Set(units.map((unit) => unit.code));
  const problems: Record<string, string> = {};
  const indexById = new Map<string, number>();
  roster.entries.forEach((entry, index) => {
    const at = `payload.entries.${index}`;
    if (!current.has(entry.orgUnitCode)) {
      problems[`${at}.orgUnitCode`] =
        `第 ${index + 1} 条（${entry.name}）的所属单位 ${entry.orgUnitCode} 不是本县现有的单位`;
    }
    if (entry.id === undefined) return;
    const id = entry.id.toLowerCase();
    if (indexById.has(id)) {
      problems[`${at}.id`] =
        `第 ${index + 1} 条（${entry.name}）的编号与第 ${indexById.get(id)! + 1} 条重复`;
    } else indexById.set(id, index);
  });
  for (const ids of batches([...indexById.keys()])) {
    const elsewhere = await trx
      .selectFrom('roster_entry_ids')
      .select('id')
      .where('id', 'in', ids)
      .where('county_code', '<>', countyCode)
      .execute();
    for (const { id } of elsewhere) {
      const index = indexById.get(id)!;
      problems[`payload.entries.${index}.id`] =
        `第 ${index + 1} 条（${roster.entries[index]!.name}）的编号已被其他县的调解员名册使用`;
    }
  }
  const first = Object.values(problems)[0];
  if (first !== undefined) throw new HubFailure('REFERENCE_INVALID', first, { fields: problems });
  const entries = roster.entries.map((entry) => ({
    ...entry,
    id: entry.id?.toLowerCase() ?? uuidv7(now.getTime(), (n) => randomBytes(n)),
  }));
  for (const batch of batches(entries)) {
    await trx
      .insertInto('roster_entry_ids')
      .values(
        batch.map((entry) => ({ county_code: countyCode, id: entry.id, first_edition: edition })),
      )
      .onConflict((oc) => oc.columns(['county_code', 'id']).doNothing())
      .execute();
  }
  return { entries };
}
