import { describe, expect } from 'vitest';
import { counterTest as test } from '../../testing/cases';
import { SETUP_TIMEOUT_MS } from '../../testing/township';

/**
 * Two people act on one case at once (two windows, or a double click that got through): both read
 * the case before either writes. The one that commits second was decided on a case that is no
 * longer there, so it is refused whole, and the person sees why.
 */
describe('two steps on one case at once', { timeout: SETUP_TIMEOUT_MS }, () => {
  test('exactly one goes through; the other is refused with nothing of it written', async ({
    harness: h,
    township: { clerk, supervisor, takeIn },
  }) => {
    const accepted = await takeIn();
    const outboxBefore = await h.backend.runtime.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const results = await Promise.all([
      h.call('cases.transition', { caseId: accepted.id, action: 'start' }, clerk),
      h.call('cases.transition', { caseId: accepted.id, action: 'start' }, supervisor),
    ]);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const refused = results.find((result) => !result.ok);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后重试' },
    });
    const now = await h.ok('cases.get', { caseId: accepted.id }, clerk);
    expect(now.state).toBe('processing');
    expect(now.events.filter((event) => event.action === 'start')).toHaveLength(1);
    // The winner's case row and its timeline entry; none of the loser's.
    const outboxAfter = await h.backend.runtime.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(outboxAfter.n - outboxBefore.n).toBe(2);
    const audited = await h.backend.runtime.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'cases.start')
      .execute();
    expect(audited).toHaveLength(1);
  });
});
