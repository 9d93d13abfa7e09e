import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { preparingPool } from './prepared-statements';
import { retryingDeadlocks } from './retry-deadlock';

/**
 * The hub's connections to a PostgreSQL server prepare the statements that repeat (PGlite has no
 * connections of its own: this is for a real server only). One connection, so that every statement
 * below meets the statements the earlier ones prepared.
 */
const url = inject('postgresUrl');

describe.skipIf(!url)('prepared statements on a PostgreSQL server', () => {
  let db: Kysely<Record<string, never>>;
  afterEach(() => db.destroy());

  const open = () =>
    (db = new Kysely({
      dialect: new PostgresDialect({
        pool: preparingPool(new pg.Pool({ connectionString: url!, max: 1 })),
      }),
    }));

  /** A temporary table, so on the one connection the statements below are prepared on. */
  const heldTable = () =>
    db.connection().execute(async (connection) => {
      await sql`CREATE TEMP TABLE held (id int)`.execute(connection);
      await sql`INSERT INTO held VALUES (1)`.execute(connection);
    });

  const prepared = async () => {
    const { rows } = await sql<{ statement: string }>`
      SELECT statement FROM pg_prepared_statements WHERE name LIKE 'hub\\_%'`.execute(db);
    return rows.map((row) => row.statement);
  };

  it('prepares a text the second time it comes, and plans each call with its values', async () => {
    open();
    const look = (n: number) => sql<{ n: number }>`SELECT ${n}::int + 1 AS n`.execute(db);
    expect((await look(1)).rows).toEqual([{ n: 2 }]);
    expect(await prepared()).toEqual([]);
    expect((await look(2)).rows).toEqual([{ n: 3 }]);
    expect((await look(3)).rows).toEqual([{ n: 4 }]);
    expect(await prepared()).toEqual(['SELECT $1::int + 1 AS n']);
    const { rows } = await sql<{ plan_cache_mode: string }>`SHOW plan_cache_mode`.execute(db);
    expect(rows).toEqual([{ plan_cache_mode: 'force_custom_plan' }]);
  });

  it('drops a connection’s statements past its limit and prepares them again', async () => {
    open();
    // 150 texts, each twice: past the limit of 100 a connection.
    for (let i = 0; i < 150; i += 1) {
      for (let round = 0; round < 2; round += 1) {
        const { rows } = await sql<{ n: number }>`SELECT ${i}::int AS ${sql.ref(`n${i}`)}`.execute(
          db,
        );
        expect(Object.values(rows[0]!)).toEqual([i]);
      }
    }
    // Dropped when the connection went back to the pool after the 101st; prepared anew since.
    const held = await prepared();
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThanOrEqual(100);
    const again = await sql<{ n0: number }>`SELECT ${7}::int AS ${sql.ref('n0')}`.execute(db);
    expect(again.rows).toEqual([{ n0: 7 }]);
  });

  it('fails a statement once when its table changed under it, then prepares it again', async () => {
    open();
    await heldTable();
    const read = () => sql`SELECT * FROM held WHERE id = ${1}`.execute(db);
    await read();
    await read();
    await sql`ALTER TABLE held ADD COLUMN note text`.execute(db);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toEqual([{ id: 1, note: null }]);
  });

  it('prepares it again after the failure on a server that words its messages in Chinese', async () => {
    // What a server with lc_messages = 'zh_CN.UTF-8' sends (its postgres-15.mo); this cluster has
    // only the C locale, so its messages are reworded as they arrive. The SQLSTATE stays 0A000.
    const pool = new pg.Pool({ connectionString: url!, max: 1 });
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (config: unknown) => Promise<unknown>;
      client.query = ((config: unknown) =>
        query(config).catch((error: { code?: string; message: string }) => {
          if (error.code === '0A000') error.message = '已缓冲的计划不能改变结果类型';
          throw error;
        })) as typeof client.query;
    });
    db = new Kysely({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    await heldTable();
    const read = () => sql`SELECT * FROM held WHERE id = ${1}`.execute(db);
    await read();
    await read();
    await sql`ALTER TABLE held ADD COLUMN note text`.execute(db);
    await expect(read()).rejects.toThrow('已缓冲的计划不能改变结果类型');
    expect((await read()).rows).toEqual([{ id: 1, note: null }]);
  });

  it('answers a push run again after its table changed under a prepared statement', async () => {
    open();
    await heldTable();
    const push = () =>
      retryingDeadlocks(() =>
        db.transaction().execute((trx) => sql`SELECT * FROM held WHERE id = ${1}`.execute(trx)),
      );
    await push();
    await push();
    await sql`ALTER TABLE held ADD COLUMN note text`.execute(db);
    expect((await push()).rows).toEqual([{ id: 1, note: null }]);
  });

  it('leaves a text with a list’s worth of parameters unprepared', async () => {
    open();
    const many = Array.from({ length: 65 }, (_, i) => i);
    const sum = () =>
      sql<{ n: number }>`SELECT ${sql.join(
        many.map((n) => sql`${n}::int`),
        sql` + `,
      )} AS n`.execute(db);
    expect((await sum()).rows).toEqual([{ n: 2080 }]);
    expect((await sum()).rows).toEqual([{ n: 2080 }]);
    expect(await prepared()).toEqual([]);
  });
});
