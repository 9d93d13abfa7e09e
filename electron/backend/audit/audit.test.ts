import { describe, expect } from 'vitest';
import type { Harness } from '../testing/harness';
import { NEW_CLERK, test } from '../testing/fixtures';

test.beforeEach(async ({ harness, township }) => {
  await harness.ok('users.create', NEW_CLERK, township.admin);
});

/** Tampering needs the triggers out of the way, as someone editing the file with another tool would. */
function tamper(h: Harness, statement: string): void {
  const { sqlite } = h.backend.runtime;
  sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  sqlite.exec(statement);
}

describe('audit chain', () => {
  test('records setup, sign-in, password change and user creation, and verifies intact', async ({
    harness: h,
    township: { admin: token },
  }) => {
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

  test('refuses updates and deletes through SQL while the triggers stand', ({ harness: h }) => {
    const { sqlite } = h.backend.runtime;
    expect(() => sqlite.exec("UPDATE audit_log SET outcome = 'failure' WHERE seq = 2")).toThrow(
      /append-only/,
    );
    expect(() => sqlite.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  test.for([
    {
      label: 'an edited entry',
      statement: "UPDATE audit_log SET detail = '无' WHERE seq = 4",
      problem: { seq: 4, reason: '第 4 条审计记录的内容已被修改' },
    },
    {
      label: 'a deleted entry in the middle',
      statement: 'DELETE FROM audit_log WHERE seq = 2',
      problem: { seq: 2, reason: expect.stringContaining('缺失') },
    },
    {
      label: 'a deleted tail',
      statement: 'DELETE FROM audit_log WHERE seq = 4',
      problem: { seq: 4, reason: expect.any(String) },
    },
    {
      label: 'an entry whose hash was recomputed without its successors',
      statement: "UPDATE audit_log SET detail = '改', hash = 'f' || substr(hash, 2) WHERE seq = 3",
      problem: { seq: 3, reason: expect.any(String) },
    },
  ])('finds $label', async ({ statement, problem }, { harness: h, township: { admin: token } }) => {
    tamper(h, statement);
    const result = await h.ok('audit.verify', {}, token);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual(problem);
  });
});
