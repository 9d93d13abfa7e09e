import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { EventName, EventPayload } from '@shared/api';
import type { SessionStore } from '../auth/sessions';
import type { BackupRunner } from '../backup/runner';
import type { CalendarCache } from '../calendar/cache';
import type { MediationListsCache } from '../mediation/dispute/lists-cache';
import type { Database } from '../db/schema';
import type { WriteTurns } from '../db/write-turns';
import type { UnsyncedOutbox } from '../hub/pull/outbox-durability';
import type { HubSync } from '../hub/hub-sync';
import type { TokenStore } from '../hub/token-store';
import type { Stamper } from './clock';
import type { Actor, TerminalIdentity } from './context';

export interface TerminalSettings {
  idleLockMinutes: number;
  /** Every backup of these last days is kept; older ones by the weekly and monthly rotation. */
  backupRetentionDays: number;
  /** Then the newest backup of each of the last this many weeks, and of months. */
  backupKeepWeeks: number;
  backupKeepMonths: number;
  /** Printed on the papers the counter hands out; empty until the administrator sets it. */
  counterPhone: string;
}

export const DEFAULT_SETTINGS: TerminalSettings = {
  idleLockMinutes: 15,
  backupRetentionDays: 7,
  backupKeepWeeks: 4,
  backupKeepMonths: 12,
  counterPhone: '',
};

/** What the backend holds while it runs; handlers get it with the caller. */
export interface Runtime {
  dataDir: string;
  /** The database file in dataDir (desk.sqlite). */
  databaseFile: string;
  /** better-sqlite3's native binding the app passes (Electron's ABI build), for a thread's own connection. */
  sqliteBinding: string | undefined;
  appVersion: string;
  /** The county hub's bearer token: outside the database file (hub/token-store.ts). */
  hubTokens: TokenStore;
  /** The county's reference data, pulled every minute while enrolled (hub/sync-loop.ts). */
  hubSync: HubSync;
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  /** When `db` holds its connection: the pull's thread gives way to it (db/write-turns.ts). */
  writeTurns: WriteTurns;
  /** Set while the pull's thread may have outbox entries committed and not yet synced. */
  unsyncedOutbox: UnsyncedOutbox;
  /** Signs the audit chain; the database connection knows it too (audit/chain-key.ts). */
  auditKey: Buffer;
  stamper: Stamper;
  sessions: SessionStore;
  /** Null before setup. */
  terminal: TerminalIdentity | null;
  settings: TerminalSettings;
  /** The working-day calendar, read once from holiday_calendar (calendar/service calendarOf). */
  calendar: CalendarCache;
  /** The dispute types and mediation reference lists: the county's edition or the shipped files. */
  mediationLists: MediationListsCache;
  /**
   * Set when quick_check failed, at start or later in the background (big files); every method
   * but status and recovery is refused.
   */
  damaged: string | null;
  /** True while a restore swaps the database file: requests are refused rather than run on it. */
  restoring: boolean;
  /**
   * True once the backend closes: no pull thread starts and no deferred index is built, so a quit
   * waits for neither; the next open builds what a first sync left (deferred-indexes.ts).
   */
  closing: boolean;
  /** What a request met in a full-text index (SQLITE_CORRUPT_VTAB); null when none is known damaged. */
  searchIndexDamaged: string | null;
  /** True while the search indexes are rebuilt: other requests are refused rather than see them half-built. */
  reindexing: boolean;
  /** Requests past the dispatcher's gates and not yet answered; a rebuild waits for the others to end. */
  inFlight: number;
  /** Sets `damaged` (prefixed) and signs everyone out, so that the renderer shows recovery. */
  markDamaged(problem: string): void;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Backups run in a worker thread with a connection of their own, one at a time. */
  backups: BackupRunner;
  /** Replaces the database file with a backup and reopens it. */
  restore(backupName: string, actor: Actor): Promise<void>;
}

/** One call: the runtime, who is calling, and with which session. */
export interface CallContext {
  rt: Runtime;
  actor: Actor;
  session: string | null;
}
