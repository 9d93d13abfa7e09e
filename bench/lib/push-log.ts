import { randomBytes, randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { formatHlc } from '@shared/sync/hlc';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { uuidv7 } from '@shared/sync/uuid';
import { benchCaseColumns, benchResidentColumns } from './pull-records';

export const YANTOU = orgUnitIdFromDivisionCode('330324108');
const VILLAGE = orgUnitIdFromDivisionCode('330324108201');

/** The item the bench's cases name: the change log does not check it, the hub stores it as sent. */
const ITEM = {
  id: '00000000-0000-4000-8000-000000000003',
  versionId: '00000000-0000-4000-8000-000000000004',
  name: '城乡居民基本养老保险参保登记',
};

/**
 * The change log's rows for `count` new records, numbered from `first`: a resident, then four
 * cases of that resident, each its own use case, as the counter writes them.
 */
export function logRows(first: number, count: number, terminalId: string, clock: { wall: number }) {
  const rows = [];
  let residentId = '';
  for (let i = first; i < first + count; i += 1) {
    clock.wall += 1;
    const version = formatHlc({ wall: clock.wall, counter: 0, node: terminalId });
    const at = new Date(clock.wall).toISOString();
    // UUIDv7, as the terminal's clock issues them (core/clock.ts): the hub's indexes keyed by record
    // or root id take them in time order, as they do from the counters.
    const id = uuidv7(clock.wall, (n) => randomBytes(n));
    const sync = {
      id,
      org_unit_id: YANTOU,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
      origin_terminal_id: terminalId,
      version,
      deleted_at: null,
    };
    const resident = i % 5 === 0;
    if (resident) residentId = id;
    const payload = resident
      ? { ...sync, ...benchResidentColumns(i, VILLAGE) }
      : { ...sync, ...benchCaseColumns(i, ITEM, residentId, at) };
    rows.push({
      table_name: resident ? 'residents' : 'cases',
      record_id: id,
      op: 'insert' as const,
      payload: JSON.stringify(payload),
      base_version: null,
      version,
      org_unit_id: YANTOU,
      created_at: at,
      pushed_at: null,
      tx_id: randomUUID(),
      changed_columns: null,
      schema_version: 1,
    });
  }
  return rows;
}

/**
 * Appends rows to a terminal's change log through a connection of the bench's own, as the counter's
 * use cases left them in earlier sessions: the terminal's process holds none of what filling took.
 * SQLite's WAL lets the terminal's connection stay open beside it.
 */
export function fillLog(file: string, rows: ReturnType<typeof logRows>): void {
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('busy_timeout = 5000');
    const columns = Object.keys(rows[0] ?? {});
    // In the terminal's epoch, as the one write module numbers them.
    const insert = sqlite.prepare(
      `INSERT INTO outbox (${columns.join(', ')}, epoch)
       VALUES (${columns.map((c) => `@${c}`).join(', ')}, (SELECT epoch FROM sync_state WHERE id = 1))`,
    );
    sqlite.transaction(() => {
      for (const row of rows) insert.run(row);
    })();
  } finally {
    sqlite.close();
  }
}
