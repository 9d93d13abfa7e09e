import { openHubDatabase } from '../../../../upstream/src/db/connection';

/** A record as the hub holds it, with the units that see its root. */
export interface HubRecord {
  table: string;
  id: string;
  version: string;
  orgUnitId: string;
  deleted: boolean;
  seenBy: string[];
}

export interface HubState {
  records: HubRecord[];
  /** `${terminalId}/${epoch}` → the last seq the hub decided. */
  progress: Map<string, number>;
  rejections: { terminalId: string; epoch: string; seq: number; code: string }[];
  conflicts: number;
  /** The terminals the hub flagged for a version far ahead of its clock (sync_clock_flags). */
  clockFlagged: string[];
}

/**
 * Reads the hub's record store straight from its PGlite folder, so that the end checks do not go
 * through the code under test. The hub must be stopped: PGlite holds its folder alone.
 */
export async function readHubState(dataDir: string): Promise<HubState> {
  const db = openHubDatabase({ kind: 'pglite', dataDir });
  try {
    const records = await db
      .selectFrom('sync_records')
      .select(['table_name', 'record_id', 'version', 'org_unit_id', 'deleted', 'root_id'])
      .execute();
    const visibility = await db
      .selectFrom('sync_visibility')
      .select(['root_id', 'unit_id'])
      .execute();
    const seen = new Map<string, string[]>();
    for (const row of visibility)
      seen.set(row.root_id, [...(seen.get(row.root_id) ?? []), row.unit_id]);
    const progress = await db
      .selectFrom('sync_terminal_progress')
      .select(['terminal_id', 'epoch', 'last_seq'])
      .execute();
    const rejections = await db
      .selectFrom('sync_rejections')
      .select(['terminal_id', 'epoch', 'seq', 'code'])
      .execute();
    const conflicts = await db
      .selectFrom('sync_conflicts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const flagged = await db
      .selectFrom('sync_clock_flags')
      .select('terminal_id')
      .distinct()
      .orderBy('terminal_id')
      .execute();
    return {
      records: records.map((row) => ({
        table: row.table_name,
        id: row.record_id,
        version: row.version,
        orgUnitId: row.org_unit_id,
        deleted: row.deleted,
        seenBy: seen.get(row.root_id) ?? [],
      })),
      progress: new Map(
        progress.map((row) => [`${row.terminal_id}/${row.epoch}`, Number(row.last_seq)]),
      ),
      rejections: rejections.map((row) => ({
        terminalId: row.terminal_id,
        epoch: row.epoch,
        seq: Number(row.seq),
        code: row.code,
      })),
      conflicts: Number(conflicts.n),
      clockFlagged: flagged.map((row) => row.terminal_id),
    };
  } finally {
    await db.destroy();
  }
}
