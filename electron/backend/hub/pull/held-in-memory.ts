import type { PulledRecord } from '@shared/sync/records-contract';
import type { Held } from './hold-back';

/*
 * Records held back during one pull, kept in memory instead of sync_pull_held while their parent is
 * a few pages away. In the feed (order of last change) a case's materials and its first events come
 * before the case, last changed when it was completed, a thousand or more records further on: a
 * first sync held most of them, each written to sync_pull_held as JSON, read back, parsed and
 * deleted a page or two later, which cost more than applying them.
 *
 * A record held here is not stored anywhere, so the stored cursor must not pass it: a page's last
 * slice stores the cursor the pull asked the oldest page still held here with (`cursorToStore`), not
 * its own. A pull cut anywhere (power, network, a failure) pulls those pages again, and what they
 * wrote is then an equal version, a no-op. A record still held MAX_PAGES_HELD pages after its own
 * goes to sync_pull_held as before (a parent that never comes must not pin the cursor), and so does
 * every record held here at the pull's last slice.
 */

/** Pages a record may wait here: a parent further away goes through sync_pull_held. */
export const MAX_PAGES_HELD = 8;

const key = (table: string, id: string) => `${table}\u0000${id}`;
const waitKey = (record: PulledRecord) => `${record.table}/${record.recordId}`;

interface Carried extends Held {
  /** The pull's page the record came with (the oldest, when a newer version replaced it). */
  page: number;
}

export class HeldInMemory {
  private readonly byKey = new Map<string, Carried>();
  /** The keys of the records held here by the record they wait for (its waitKey). */
  private readonly waiting = new Map<string, Set<string>>();
  /** The cursor each page of the pull was asked for with (undefined: a first sync's first page). */
  private readonly askedWith = new Map<number, string | undefined>();
  private page = 0;
  /** The page whose records held too long were last given up (once a page is enough). */
  private agedAt = -1;
  /** At the pull's last slice every record held here is tried and, if still waiting, stored. */
  private final = false;

  get size(): number {
    return this.byKey.size;
  }

  /** A page of the pull begins, asked for with `after`. */
  startPage(page: number, after: string | undefined): void {
    this.page = page;
    this.askedWith.set(page, after);
  }

  /** The slice to come is the pull's last. */
  finish(): void {
    this.final = true;
  }

  /**
   * The records held here that these records release: those waiting for one of them, and those
   * waiting for these in turn. At the pull's last slice, every record held here.
   */
  releasedBy(records: readonly PulledRecord[]): PulledRecord[] {
    if (this.final) return [...this.byKey.values()].map((entry) => entry.record);
    if (this.waiting.size === 0) return [];
    const found: PulledRecord[] = [];
    const asked = new Set<string>();
    const queue = records.map(waitKey);
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (asked.has(next)) continue;
      asked.add(next);
      for (const k of this.waiting.get(next) ?? []) {
        const entry = this.byKey.get(k)!;
        found.push(entry.record);
        queue.push(waitKey(entry.record));
      }
    }
    return found;
  }

  /**
   * After a slice: the applied records leave, the held ones not in sync_pull_held stay here. Answers
   * those to store in sync_pull_held now: at the pull's last slice all of them, else, once a page,
   * any held here for MAX_PAGES_HELD pages.
   */
  take(held: readonly Held[], applied: readonly PulledRecord[]): Held[] {
    for (const record of applied) {
      const k = key(record.table, record.recordId);
      // An older version applied (one sync_pull_held kept) leaves the newer one here waiting.
      if ((this.byKey.get(k)?.record.version ?? '') <= record.version) this.remove(k);
    }
    for (const entry of held) {
      const k = key(entry.record.table, entry.record.recordId);
      const was = this.byKey.get(k);
      this.remove(k);
      this.byKey.set(k, { ...entry, page: was ? Math.min(was.page, this.page) : this.page });
      if (entry.waitsFor !== null) {
        const list = this.waiting.get(entry.waitsFor);
        if (list) list.add(k);
        else this.waiting.set(entry.waitsFor, new Set([k]));
      }
    }
    if (!this.final && this.agedAt === this.page) return [];
    this.agedAt = this.page;
    const stored: Held[] = [];
    for (const [k, entry] of this.byKey) {
      if (!this.final && entry.page > this.page - MAX_PAGES_HELD) continue;
      stored.push({ record: entry.record, waitsFor: entry.waitsFor });
      this.remove(k);
    }
    return stored;
  }

  /**
   * The cursor a page's last slice stores: its own when nothing is held here, else the one the
   * oldest page still held here was asked for with (undefined: store none, the first page's).
   */
  cursorToStore(own: string): string | undefined {
    let oldest = Infinity;
    for (const entry of this.byKey.values()) oldest = Math.min(oldest, entry.page);
    return oldest === Infinity ? own : this.askedWith.get(oldest);
  }

  private remove(k: string): void {
    const entry = this.byKey.get(k);
    if (!entry) return;
    this.byKey.delete(k);
    if (entry.waitsFor === null) return;
    const list = this.waiting.get(entry.waitsFor);
    list?.delete(k);
    if (list?.size === 0) this.waiting.delete(entry.waitsFor);
  }
}
