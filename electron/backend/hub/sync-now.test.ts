import { describe, expect } from 'vitest';
import { test } from '../testing/fixtures';

describe('hub.syncNow away from the hub', () => {
  test('is refused on a terminal that never joined, whose timer never started', async ({
    harness: h,
    township,
  }) => {
    expect(h.backend.runtime.hubSync.scheduled()).toBe(false);
    const refused = await h.call('hub.syncNow', {}, township.admin);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'HUB_NOT_JOINED', message: '本终端尚未加入县级平台' },
    });
    const status = await h.ok('hub.status', {}, township.admin);
    expect(status).toMatchObject({ editions: [], lastSyncAt: null, lastSyncProblem: null });
  });

  test('is for administrators and supervisors, not the counter clerk', async ({
    harness: h,
    clerk,
  }) => {
    expect(await h.code('hub.syncNow', {}, clerk)).toBe('FORBIDDEN');
  });
});
