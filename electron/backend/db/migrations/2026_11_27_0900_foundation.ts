import { sql, type Kysely } from 'kysely';

/*
 * Frozen: this file imports nothing from the app and must never change once released.
 * Tables are STRICT so SQLite refuses a value of the wrong type instead of storing it.
 */

const syncColumns = `
  id TEXT PRIMARY KEY NOT NULL,
  org_unit_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  origin_terminal_id TEXT NOT NULL,
  version TEXT NOT NULL,
  deleted_at TEXT`;

const statements = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT`,
  `CREATE TABLE org_units (${syncColumns},
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village')),
        parent_id TEXT REFERENCES org_units(id)
      ) STRICT`,
  `CREATE UNIQUE INDEX org_units_code ON org_units(code) WHERE deleted_at IS NULL`,
  `CREATE INDEX org_units_parent ON org_units(parent_id)`,
  `CREATE TABLE terminals (${syncColumns},
        name TEXT NOT NULL,
        number TEXT NOT NULL
      ) STRICT`,
  `CREATE UNIQUE INDEX terminals_number ON terminals(org_unit_id, number) WHERE deleted_at IS NULL`,
  `CREATE TABLE users (${syncColumns},
        username TEXT NOT NULL COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'clerk', 'agent', 'mediator', 'auditor')),
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        disabled_at TEXT,
        last_sign_in_at TEXT
      ) STRICT`,
  `CREATE UNIQUE INDEX users_username ON users(username) WHERE deleted_at IS NULL`,
  `CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user_id TEXT,
        username TEXT,
        terminal_id TEXT,
        action TEXT NOT NULL,
        object_type TEXT,
        object_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT`,
  `CREATE INDEX audit_log_at ON audit_log(at)`,
  `CREATE INDEX audit_log_user ON audit_log(user_id)`,
  `CREATE INDEX audit_log_action ON audit_log(action)`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        table_name TEXT NOT NULL,
        record_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        payload TEXT NOT NULL,
        base_version TEXT,
        version TEXT NOT NULL,
        org_unit_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        pushed_at TEXT
      ) STRICT`,
  `CREATE INDEX outbox_unpushed ON outbox(seq) WHERE pushed_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
