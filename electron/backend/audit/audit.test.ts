import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, setUpTownship, type Harness } from '../testing/harness';

let h: Harness;
let token: string;
beforeEach(async () => {
  h = await createHarness();
  ({ token } = await setUpTownship(h));
  await h.ok(
    'users.create',
    { username: 'clerk1', displayName: '王芳', role: 'clerk', initialPassword: 'Clerk#2026' },
    token,
  );
});
afterEach(async () => {
  await h.cleanup();
});

/** Tampering needs the triggers out of the way, as someone editing the file with another tool would. */
function tamper(statement: string): void {
  const { sqlite } = h.backend.runtime;
  sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  sqlite.exec(statement);
}

describe('audit chain', () => {
  it('records setup, sign-in, password change and user creation, and verifies intact', async () => {
    const page = await h.ok('audit.list', { page: 1, pageSize: 50 }, token);
    expect(page.rows.map((row) => row.action).reverse()).toEqual([
      'audit.chainKeyed',
      'catalogue.seed',
      'setup.initialize',
      'auth.signIn',
      'auth.changePassword',
      'users.create',
    ]);
    expect(await h.ok('audit.verify', {}, token)).toEqual({ ok: true, checked: 6, problem: null });
  });

  it('refuses updates and deletes through SQL while the triggers stand', () => {
    const { sqlite } = h.backend.runtime;
    expect(() => sqlite.exec("UPDATE audit_log SET outcome = 'failure' WHERE seq = 2")).toThrow(
      /append-only/,
    );
    expect(() => sqlite.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  it('finds an edited entry', async () => {
    tamper("UPDATE audit_log SET detail = '无' WHERE seq = 4");
    const result = await h.ok('audit.verify', {}, token);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({ seq: 4, reason: '第 4 条审计记录的内容已被修改' });
  });

  it('finds a deleted entry in the middle', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 2');
    const result = await h.ok('audit.verify', {}, token);
    expect(result.problem?.seq).toBe(2);
    expect(result.problem?.reason).toContain('缺失');
  });

  it('finds a deleted tail', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 4');
    const result = await h.ok('audit.verify', {}, token);
    expect(result.ok).toBe(false);
    expect(result.problem?.seq).toBe(4);
  });

  it('finds an entry whose hash was recomputed without its successors', async () => {
    tamper("UPDATE audit_log SET detail = '改', hash = 'f' || substr(hash, 2) WHERE seq = 3");
    const result = await h.ok('audit.verify', {}, token);
    expect(result.problem?.seq).toBe(3);
  });
});
