import {
  SYNC_RECORD_TABLES,
  type PulledRecord,
  type SyncRecordTable,
} from '@shared/sync/records-contract';
import { applyPage } from '../hub/pull/pull';
import type { Harness } from './harness';

const SYNCED = new Set<string>(SYNC_RECORD_TABLES);

/**
 * The records a terminal wrote, as the hub hands them out once they are pushed: each record as it
 * stands after its last change (the outbox payload is the whole row), in the order of last change.
 * Stands in for the push side in tests of the pull.
 */
export async function pulledFromOutbox(
  h: Harness,
  access: PulledRecord['access'] = 'owner',
): Promise<PulledRecord[]> {
  const entries = await h.backend.runtime.db
    .selectFrom('outbox')
    .select(['table_name', 'record_id', 'payload', 'version', 'org_unit_id'])
    .orderBy('seq')
    .execute();
  const latest = new Map<string, PulledRecord>();
  for (const entry of entries) {
    if (!SYNCED.has(entry.table_name)) continue;
    const key = `${entry.table_name}/${entry.record_id}`;
    latest.delete(key);
    latest.set(key, {
      table: entry.table_name as SyncRecordTable,
      recordId: entry.record_id,
      orgUnitId: entry.org_unit_id,
      version: entry.version,
      columns: JSON.parse(entry.payload) as PulledRecord['columns'],
      access,
    });
  }
  return [...latest.values()];
}

/** Applies records to a terminal as one pulled page, for tests of what a pull leaves behind. */
export async function applyPulled(h: Harness, records: PulledRecord[]): Promise<void> {
  await applyPage(h.backend.runtime, { records });
}
