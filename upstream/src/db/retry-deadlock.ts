/**
 * PostgreSQL's answer to two transactions that wait on each other's row locks (40P01) or to a
 * serialization failure (40001): one of them is aborted whole and may simply run again. Pushes lock
 * records in key order, but a push's records, their roots and the residents they name are locked in
 * three steps, so two pushes sharing roots can still meet in opposite orders. A unique violation
 * (23505): a push inserts the rows it creates without ON CONFLICT (record-store.ts, writeRecords),
 * and a row that did not exist when it read may have been committed by another push since; run
 * again, the push reads that row and decides against it.
 */
const RETRIED_CODES: ReadonlySet<unknown> = new Set(['40P01', '40001', '23505']);
const ATTEMPTS = 3;

export async function retryingDeadlocks<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= ATTEMPTS || !RETRIED_CODES.has(code)) throw error;
    }
  }
}
