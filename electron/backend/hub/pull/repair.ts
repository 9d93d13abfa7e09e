import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import {
  DIGEST_HASH_HEX_DIGITS,
  SYNC_RECORD_TABLES,
  recordBucket,
  type DigestResponse,
} from '@shared/sync/records-contract';
import type { Runtime } from '../../core/runtime';
import type { HubClientOptions } from '../client';
import { hubDigest, pullPage, pulledRecords } from './pull-client';
import { PULL_PAGE_SIZE, applyPage } from './pull';

type Buckets = DigestResponse['buckets'];

const MODULUS = 2n ** BigInt(DIGEST_HASH_HEX_DIGITS * 4);

/**
 * This terminal's digest, computed as the hub computes its own (upstream/src/record-pull.ts): per
 * bucket the records held here and the sum of md5("table/id/version") cut to 60 bits. Records the
 * hub does not show this unit (not pushed yet, refused, handed away for good) make their bucket
 * differ; re-pulling it then costs a sixteenth of the scope and changes nothing.
 */
export function localDigest(sqlite: BetterSqlite3.Database): Buckets {
  const buckets = new Map<string, { count: number; hash: bigint }>();
  for (const table of SYNC_RECORD_TABLES) {
    const rows = sqlite.prepare(`SELECT id, version FROM "${table}"`).raw().iterate() as Iterable<
      [string, string]
    >;
    for (const [id, version] of rows) {
      const md5 = createHash('md5').update(`${table}/${id}/${version}`).digest('hex');
      const bucket = recordBucket(id);
      const entry = buckets.get(bucket) ?? { count: 0, hash: 0n };
      entry.count += 1;
      entry.hash = (entry.hash + BigInt(`0x${md5.slice(0, DIGEST_HASH_HEX_DIGITS)}`)) % MODULUS;
      buckets.set(bucket, entry);
    }
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([bucket, { count, hash }]) => ({ bucket, count, hash: hash.toString() }));
}

/** The buckets whose count or hash differ, on either side. */
export function differingBuckets(local: Buckets, hub: Buckets): string[] {
  const mine = new Map(local.map((b) => [b.bucket, `${b.count}/${b.hash}`]));
  const theirs = new Map(hub.map((b) => [b.bucket, `${b.count}/${b.hash}`]));
  const all = new Set([...mine.keys(), ...theirs.keys()]);
  return [...all].filter((bucket) => mine.get(bucket) !== theirs.get(bucket)).sort();
}

export interface Repair {
  differing: string[];
  applied: number;
}

/**
 * Finds where this terminal and the hub disagree and pulls those buckets again, whole, with a
 * cursor of their own: the stored pull cursor stays where it is. What the repair applies is what a
 * lost page would have brought (a restore from an old backup, a bug); an equal version is a no-op.
 */
export async function repairDivergence(rt: Runtime, hub: HubClientOptions): Promise<Repair> {
  const differing = differingBuckets(localDigest(rt.sqlite), (await hubDigest(hub)).buckets);
  let applied = 0;
  for (const bucket of differing) {
    let after: string | undefined;
    for (;;) {
      const page = await pullPage(hub, {
        bucket,
        limit: PULL_PAGE_SIZE,
        ...(after ? { after } : {}),
      });
      const outcome = await applyPage(rt, { records: pulledRecords(page.records) });
      applied += outcome.inserted + outcome.updated;
      if (!page.more) break;
      after = page.cursor;
    }
  }
  return { differing, applied };
}
