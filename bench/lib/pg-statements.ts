import pg from 'pg';

/** Server settings that load pg_stat_statements (with planning time) into a bench's cluster. */
export const PG_STATEMENTS_SETTINGS = [
  'shared_preload_libraries=pg_stat_statements',
  'pg_stat_statements.track_planning=on',
];

async function query<T extends pg.QueryResultRow>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** pg_stat_statements from here on: the statements the server spent the most time in. */
export async function statementsReset(databaseUrl: string): Promise<void> {
  await query(databaseUrl, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await query(databaseUrl, 'SELECT pg_stat_statements_reset()');
}

/** The `top` statements since statementsReset, in µs of planning and execution per `unit`. */
export async function printStatements(
  databaseUrl: string,
  top: number,
  count: number,
  unit: string,
): Promise<void> {
  const rows = await query<{ calls: string; total: number; rows: string; query: string }>(
    databaseUrl,
    `SELECT calls, total_plan_time + total_exec_time AS total, rows, query FROM pg_stat_statements
     ORDER BY total DESC LIMIT $1`,
    [top],
  );
  console.log(`  PostgreSQL statements (planning and execution time, µs per ${unit}):`);
  for (const row of rows) {
    const text = row.query.replace(/\s+/g, ' ').slice(0, 110);
    console.log(
      `    ${((row.total * 1000) / Math.max(1, count)).toFixed(1).padStart(7)} µs  ` +
        `calls ${String(row.calls).padStart(5)}  rows ${String(row.rows).padStart(7)}  ${text}`,
    );
  }
}

/** Statements run since statementsReset, BEGIN and COMMIT included (track_utility): round trips. */
export async function statementCalls(databaseUrl: string): Promise<number> {
  const [row] = await query<{ n: string }>(
    databaseUrl,
    'SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements',
  );
  return Number(row!.n);
}

/** The server's WAL position in bytes: two readings' difference is the WAL written between them. */
export async function walBytes(databaseUrl: string): Promise<number> {
  const [row] = await query<{ lsn: string }>(
    databaseUrl,
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS lsn`,
  );
  return Number(row!.lsn);
}
