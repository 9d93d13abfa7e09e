import type BetterSqlite3 from 'better-sqlite3';
import { SYNC_RECORD_TABLES } from '@shared/sync/records-contract';
import type { HubState } from './hub-state';
import type { FaultTerminal } from './scene';

const RECORD_TABLES = new Set<string>(SYNC_RECORD_TABLES);

/**
 * A terminal as the end checks read it: one of the scene's, or one whose process stopped, read
 * through its database file.
 */
export type CheckedTerminal = Pick<FaultTerminal, 'name' | 'unitId' | 'terminalId'> &
  ({ h: FaultTerminal['h'] } | { sqlite: BetterSqlite3.Database });

function sqliteOf(t: CheckedTerminal): BetterSqlite3.Database {
  return 'sqlite' in t ? t.sqlite : t.h.backend.runtime.sqlite;
}

interface LocalRecord {
  key: string;
  version: string;
}

type Raw = { all(): unknown[] };

async function localRecords(t: CheckedTerminal): Promise<LocalRecord[]> {
  const sqlite = sqliteOf(t);
  const rows: LocalRecord[] = [];
  for (const table of SYNC_RECORD_TABLES) {
    const found = (sqlite.prepare(`SELECT id, version FROM ${table}`) as Raw).all() as {
      id: string;
      version: string;
    }[];
    for (const row of found) rows.push({ key: `${table}/${row.id}`, version: row.version });
  }
  return rows;
}

interface OutboxEntry {
  seq: number;
  epoch: string | null;
  table_name: string;
  record_id: string;
  version: string;
}

function outbox(t: CheckedTerminal): OutboxEntry[] {
  return (
    sqliteOf(t).prepare(
      'SELECT seq, epoch, table_name, record_id, version FROM outbox ORDER BY seq',
    ) as Raw
  ).all() as OutboxEntry[];
}

function problems(t: CheckedTerminal): { seq: number; epoch: string; record_id: string }[] {
  return (sqliteOf(t).prepare('SELECT seq, epoch, record_id FROM sync_problems') as Raw).all() as {
    seq: number;
    epoch: string;
    record_id: string;
  }[];
}

function currentEpoch(t: CheckedTerminal): string {
  const row = sqliteOf(t).prepare('SELECT epoch FROM sync_state').get() as
    { epoch: string } | undefined;
  return row?.epoch ?? '(none)';
}

/** Entries the terminals wrote, for the run's report. */
export function entriesWritten(terminals: readonly CheckedTerminal[]): number {
  return terminals.reduce(
    (sum, t) => sum + outbox(t).filter((e) => RECORD_TABLES.has(e.table_name)).length,
    0,
  );
}

/**
 * The end checks of a fault run, as a list of what is wrong (empty: the run passed):
 * - every record entry a terminal wrote (other tables have their own channels) is decided at the hub under its (terminal, epoch), and each record
 *   the terminals changed is on the hub at a version no lower than any of them wrote, unless refused;
 * - every rejection the hub recorded is listed under the terminal's 同步问题;
 * - each terminal holds exactly the hub's records for its unit, at the hub's versions (records with
 *   a problem open at the terminal aside: those keep the terminal's own version by design).
 */
export async function endChecks(
  terminals: readonly CheckedTerminal[],
  hub: HubState,
): Promise<string[]> {
  const wrong: string[] = [];
  const onHub = new Map(hub.records.map((r) => [`${r.table}/${r.id}`, r]));
  const highest = new Map<string, string>();
  const refused = new Set<string>();
  for (const t of terminals) {
    const entries = outbox(t);
    const lastSeq = new Map<string, number>();
    for (const e of entries) {
      if (!RECORD_TABLES.has(e.table_name)) continue;
      const epoch = e.epoch ?? '(none)';
      lastSeq.set(epoch, Math.max(lastSeq.get(epoch) ?? 0, e.seq));
      const key = `${e.table_name}/${e.record_id}`;
      if ((highest.get(key) ?? '') < e.version) highest.set(key, e.version);
    }
    for (const [epoch, seq] of lastSeq) {
      const decided = hub.progress.get(`${t.terminalId}/${epoch}`) ?? 0;
      // A restored terminal holds less of an earlier epoch than the hub decided: only the
      // current epoch must match exactly.
      if (decided < seq || (decided !== seq && epoch === currentEpoch(t)))
        wrong.push(`${t.name}: epoch ${epoch} wrote up to seq ${seq}, the hub decided ${decided}`);
    }
    const listed = new Set(problems(t).map((p) => `${p.epoch}/${p.seq}`));
    for (const p of problems(t)) refused.add(p.record_id);
    for (const r of hub.rejections.filter((x) => x.terminalId === t.terminalId)) {
      if (!listed.has(`${r.epoch}/${r.seq}`))
        wrong.push(`${t.name}: rejection ${r.code} of seq ${r.seq} not under 同步问题`);
    }
  }
  for (const [key, version] of highest) {
    const record = onHub.get(key);
    if (refused.has(key.split('/')[1] ?? '')) continue;
    if (!record) wrong.push(`${key} written at a terminal is not on the hub`);
    // A merge that opens a conflict stamps the record past both sides (node 'hub'): higher is fine.
    else if (record.version < version)
      wrong.push(`${key}: the hub holds ${record.version}, below ${version} written at a terminal`);
  }
  for (const t of terminals) {
    const mine = new Map((await localRecords(t)).map((r) => [r.key, r.version]));
    const open = new Set(problems(t).map((p) => p.record_id));
    for (const record of hub.records.filter((r) => r.seenBy.includes(t.unitId))) {
      const key = `${record.table}/${record.id}`;
      if (open.has(record.id)) continue;
      const local = mine.get(key);
      if (local === undefined) wrong.push(`${t.name}: missing ${key} of its unit`);
      else if (local !== record.version)
        wrong.push(`${t.name}: ${key} at ${local}, the hub at ${record.version}`);
      mine.delete(key);
    }
    for (const key of mine.keys()) {
      if (!open.has(key.split('/')[1] ?? ''))
        wrong.push(`${t.name}: holds ${key}, which the hub does not show its unit`);
    }
  }
  return wrong;
}
