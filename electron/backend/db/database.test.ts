import { describe, expect } from 'vitest';
import { sql } from 'kysely';
import { insertSynced } from '../core/synced-writes';
import { test } from '../testing/fixtures';
import { migrations } from './migrations';

describe('database from empty', () => {
  test('runs the migrations and opens with WAL, synchronous=FULL, foreign keys and an 8 MB page cache', async ({
    harness: h,
  }) => {
    const { sqlite, db } = h.backend.runtime;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-8000);
    const tables = await sql<{
      name: string;
      strict: number;
    }>`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`.execute(
      db,
    );
    const byName = Object.fromEntries(tables.rows.map((row) => [row.name, row.strict]));
    for (const table of [
      'org_units',
      'terminals',
      'users',
      'audit_log',
      'outbox',
      'settings',
      'schema_migrations',
    ]) {
      expect(byName[table], table).toBe(1);
    }
    const status = await h.ok('system.status', {});
    expect(status).toMatchObject({ setupDone: false, database: 'ok' });
  });

  test('does not run a migration twice and refuses a database from a newer version', async ({
    harness: h,
  }) => {
    await h.restart();
    const applied = await sql<{ n: number }>`SELECT count(*) AS n FROM schema_migrations`.execute(
      h.backend.runtime.db,
    );
    expect(applied.rows[0]?.n).toBe(migrations.length);
    await sql`INSERT INTO schema_migrations VALUES ('2099_01_01_0000_future', '2099-01-01')`.execute(
      h.backend.runtime.db,
    );
    await expect(h.restart()).rejects.toThrow(/newer version/);
    await sql`DELETE FROM schema_migrations WHERE name LIKE '2099%'`
      .execute(h.backend.runtime.db)
      .catch(() => {});
  });
});

describe('outbox', () => {
  test('writes a change-log entry with every synced change, stamped with increasing versions', async ({
    harness: h,
    township: { admin: token },
  }) => {
    await h.ok(
      'users.create',
      { username: 'clerk1', displayName: '王芳', role: 'clerk', initialPassword: 'Clerk#2026' },
      token,
    );
    const rows = await h.backend.runtime.db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('seq')
      .execute();
    const users = rows.filter((row) => row.table_name === 'users');
    // Setup also seeds the service catalogue: an item and its first version per shipped item.
    const catalogue = rows.filter((row) => row.table_name.startsWith('service_item'));
    expect(catalogue).toHaveLength(84);
    expect(rows.filter((row) => !catalogue.includes(row)).map((row) => row.table_name)).toEqual([
      'org_units',
      'terminals',
      'users',
      'users',
      'users',
    ]);
    const created = users.at(-1)!;
    expect(created.op).toBe('insert');
    const payload = JSON.parse(created.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ username: 'clerk1', display_name: '王芳', role: 'clerk' });
    expect(payload).not.toHaveProperty('password_hash');
    const versions = rows.map((row) => row.version);
    expect([...versions].sort()).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  test('writes no entry when the change rolls back', async ({
    harness: h,
    township: _township,
  }) => {
    const rt = h.backend.runtime;
    const before = await rt.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const stamp = {
      stamper: rt.stamper,
      terminal: rt.terminal!,
      actor: { userId: null, username: null, role: null, orgUnitId: null },
    };
    await expect(
      rt.db.transaction().execute(async (trx) => {
        await insertSynced(trx, stamp, 'terminals', rt.terminal!.orgUnitId, {
          name: '二号窗口',
          number: '02',
        });
        throw new Error('printer jammed');
      }),
    ).rejects.toThrow('printer jammed');
    const after = await rt.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const terminals = await rt.db.selectFrom('terminals').select('number').execute();
    expect(terminals.map((t) => t.number)).toEqual(['01']);
  });
});
