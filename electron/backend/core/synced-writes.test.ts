import type { Transaction } from 'kysely';
import { describe, expect } from 'vitest';
import type { Database } from '../db/schema';
import { counterTest as test } from '../testing/cases';
import { SETUP_TIMEOUT_MS } from '../testing/township';
import { ANONYMOUS } from './context';
import { requireTerminal } from './guards';
import { ensureUnchanged, tombstoneSynced, updateSynced } from './synced-writes';

type Trx = Transaction<Database>;

describe('a write based on a version that is gone', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('is refused inside its transaction, and the transaction leaves nothing', async ({
    harness: h,
    township: { takeIn },
  }) => {
    const rt = h.backend.runtime;
    const stamp = { stamper: rt.stamper, terminal: requireTerminal(rt), actor: ANONYMOUS };
    const { id } = await takeIn();
    const read = await rt.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await rt.db
      .transaction()
      .execute((trx) =>
        updateSynced(trx, stamp, 'cases', read, { handler_id: null, state: 'processing' }),
      );
    const outbox = () =>
      rt.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    const before = await outbox();

    const refusals = await Promise.all(
      [
        (trx: Trx) => updateSynced(trx, stamp, 'cases', read, { state: 'completed' }),
        (trx: Trx) => tombstoneSynced(trx, stamp, 'cases', read),
        (trx: Trx) => ensureUnchanged(trx, 'cases', read),
        (trx: Trx) =>
          updateSynced(
            trx,
            stamp,
            'cases',
            { id: '00000000-0000-7000-8000-000000000000', version: read.version },
            {},
          ),
      ].map((write) =>
        rt.db
          .transaction()
          .execute(write)
          .then(
            () => 'OK',
            (error: { code?: string }) => error.code,
          ),
      ),
    );
    expect(refusals).toEqual([
      'VERSION_CONFLICT',
      'VERSION_CONFLICT',
      'VERSION_CONFLICT',
      'NOT_FOUND',
    ]);
    const now = await rt.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(now.state).toBe('processing');
    expect(now.deleted_at).toBeNull();
    expect((await outbox()).n).toBe(before.n);
    // The version the row has now is what a retry bases on.
    await rt.db.transaction().execute((trx) => ensureUnchanged(trx, 'cases', now));
  });
});
