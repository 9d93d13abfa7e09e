import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Selectable } from 'kysely';
import { describe, expect } from 'vitest';
import type { AuditLogTable } from '../db/schema';
import { NEW_ADMIN_PASSWORD, type Harness } from '../testing/harness';
import { NEW_CLERK, test } from '../testing/fixtures';
import { CHAIN_KEYED_ACTION } from './chain-key';
import { chainedMessage, GENESIS_HASH, plainAuditHash } from './hash';
import { AUDIT_KEY_FILE } from './key-file';
import { auditChainHead } from './service';

test.beforeEach(async ({ harness, township }) => {
  await harness.ok('users.create', NEW_CLERK, township.admin);
});

/** An audit_log row as SQLite gives it back. */
type Row = Selectable<AuditLogTable>;

/**
 * What someone with a SQLite tool and this source code can do without the key: change rows, then
 * recompute every plain SHA-256 link from `fromSeq` to the end so that each entry again matches
 * its predecessor. `edit` changes a row before its hash is recomputed.
 */
function rewriteWithPlainHashes(
  h: Harness,
  fromSeq: number,
  edit: (row: Row) => void = () => {},
): void {
  const { sqlite } = h.backend.runtime;
  sqlite.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
  );
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  const update = sqlite.prepare(
    'UPDATE audit_log SET detail = ?, action = ?, prev_hash = ?, hash = ? WHERE seq = ?',
  );
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.seq >= fromSeq) {
      edit(row);
      row.prev_hash = prevHash;
      row.hash = plainAuditHash(chainedMessage(prevHash, row));
      update.run(row.detail, row.action, row.prev_hash, row.hash, row.seq);
    }
    prevHash = row.hash;
  }
}

async function signInAgain(h: Harness): Promise<string> {
  return (await h.ok('auth.signIn', { username: 'admin', password: NEW_ADMIN_PASSWORD })).token;
}

describe('keyed audit chain', () => {
  test('opens the keyed part with an entry that names the key, and signs every entry after it', async ({
    harness: h,
    township: { admin: token },
  }) => {
    const page = await h.ok('audit.list', { page: 1, pageSize: 50 }, token);
    const first = page.rows.at(-1)!;
    expect(first.action).toBe(CHAIN_KEYED_ACTION);
    expect(first.detail).toMatch(/^自本条起，审计记录由本机密钥签名（密钥标识 [0-9a-f]{16}）$/);
    const { sqlite } = h.backend.runtime;
    const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
    for (const row of rows)
      expect(row.hash).not.toBe(plainAuditHash(chainedMessage(row.prev_hash, row)));
  });

  test('catches an entry edited with every plain hash after it recomputed', async ({
    harness: h,
    township: { admin: token },
  }) => {
    rewriteWithPlainHashes(h, 4, (row) => {
      if (row.seq === 4) row.detail = '无';
    });
    const result = await h.ok('audit.verify', {}, token);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({
      seq: 4,
      reason: '第 4 条审计记录未经本机密钥签名，内容已被改动后重算',
    });
  });

  test('catches the whole chain rewritten with plain hashes, the opening entry made ordinary', async ({
    harness: h,
    township: { admin: token },
  }) => {
    rewriteWithPlainHashes(h, 1, (row) => {
      if (row.action === CHAIN_KEYED_ACTION) row.action = 'catalogue.seed';
    });
    const result = await h.ok('audit.verify', {}, token);
    expect(result.ok).toBe(false);
    expect(result.problem?.reason).toContain('未经本机密钥签名');
  });

  test('keeps an unkeyed chain of an older database valid, keys it at the next start, and catches edits on either side', async ({
    harness: h,
  }) => {
    // An older database: the same entries with plain hashes, and the flag its migration leaves.
    rewriteWithPlainHashes(h, 1, (row) => {
      if (row.action === CHAIN_KEYED_ACTION) row.action = 'catalogue.seed';
    });
    const { seq: legacySeq } = (await auditChainHead(h.backend.runtime.db))!;
    h.backend.runtime.sqlite
      .prepare("INSERT INTO settings (key, value) VALUES ('audit_chain_key_pending', '1')")
      .run();
    await h.restart();
    let admin = await signInAgain(h);
    const verified = await h.ok('audit.verify', {}, admin);
    expect(verified).toEqual({ ok: true, checked: legacySeq + 2, problem: null });
    const opening = await h.ok(
      'audit.list',
      { page: 1, pageSize: 5, action: CHAIN_KEYED_ACTION },
      admin,
    );
    expect(opening.rows.map((row) => row.seq)).toEqual([legacySeq + 1]);

    // The flag is consumed: another start does not open the keyed part again.
    await h.restart();
    admin = await signInAgain(h);
    expect(
      (await h.ok('audit.list', { page: 1, pageSize: 5, action: CHAIN_KEYED_ACTION }, admin)).total,
    ).toBe(1);

    // An edit in the unkeyed prefix, plain hashes recomputed to the end.
    rewriteWithPlainHashes(h, 2, (row) => {
      if (row.seq === 2) row.detail = '改过';
    });
    const prefixEdit = await h.ok('audit.verify', {}, admin);
    expect(prefixEdit.problem).toEqual({
      seq: legacySeq + 1,
      reason: `第 ${legacySeq + 1} 条审计记录未经本机密钥签名，内容已被改动后重算`,
    });
  });

  test('catches an edit after the switch point recomputed without the key', async ({
    harness: h,
  }) => {
    await h.restart();
    const admin = await signInAgain(h);
    const head = (await auditChainHead(h.backend.runtime.db))!;
    rewriteWithPlainHashes(h, head.seq, (row) => {
      row.detail = '篡改';
    });
    const result = await h.ok('audit.verify', {}, admin);
    expect(result.problem).toEqual({
      seq: head.seq,
      reason: `第 ${head.seq} 条审计记录未经本机密钥签名，内容已被改动后重算`,
    });
  });

  test('keeps the key in a file only this user can read, and tells another key from an edit', async ({
    harness: h,
  }) => {
    const file = join(h.dataDir, AUDIT_KEY_FILE);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    await h.restart();
    expect(readFileSync(file, 'utf8')).toBe(key);
    let admin = await signInAgain(h);
    expect((await h.ok('audit.verify', {}, admin)).ok).toBe(true);

    writeFileSync(file, 'f'.repeat(64));
    await h.restart();
    admin = await signInAgain(h);
    const result = await h.ok('audit.verify', {}, admin);
    expect(result.problem).toEqual({
      seq: 1,
      reason:
        '第 1 条起的审计记录由另一把密钥签名（数据来自另一台电脑，或本机密钥已丢失），无法在本机核验',
    });
  });

  test('keeps every entry when many are appended at once', async ({
    harness: h,
    township: { admin: token },
  }) => {
    const { token: clerk } = await h.ok('auth.signIn', {
      username: 'clerk1',
      password: 'Clerk#2026',
    });
    await h.ok(
      'auth.changePassword',
      { currentPassword: 'Clerk#2026', newPassword: 'Window#2026' },
      clerk,
    );
    const before = (await auditChainHead(h.backend.runtime.db))!.seq;
    const denied = await Promise.all(
      Array.from({ length: 20 }, () => h.call('users.list', { includeDisabled: true }, clerk)),
    );
    expect(denied.map((d) => (d.ok ? 'ok' : d.error.code))).toEqual(Array(20).fill('FORBIDDEN'));
    expect((await auditChainHead(h.backend.runtime.db))!.seq).toBe(before + 20);
    expect((await h.ok('audit.verify', {}, token)).ok).toBe(true);
  });
});

describe('restore', () => {
  test('records the head of the chain it replaced in the restored chain', async ({
    harness: h,
    township: { admin: token },
  }) => {
    const backup = await h.ok('backups.create', {}, token);
    // Two entries after the backup: the restored file's chain then ends before the replaced one even
    // with the new sync epoch's entry written ahead of the restore's.
    for (const username of ['later1', 'later2'])
      await h.ok(
        'users.create',
        { username, displayName: '后来者', role: 'clerk', initialPassword: 'Later#2026' },
        token,
      );
    const replaced = (await auditChainHead(h.backend.runtime.db))!;
    await h.ok('backups.restore', { name: backup.name }, token);
    const admin = await signInAgain(h);
    const restore = await h.ok(
      'audit.list',
      { page: 1, pageSize: 5, action: 'backups.restore' },
      admin,
    );
    expect(restore.rows[0]!.detail).toBe(
      `恢复前审计记录末条为第 ${replaced.seq} 条（${replaced.hash}）`,
    );
    expect(restore.rows[0]!.seq).toBeLessThan(replaced.seq);
    expect((await h.ok('audit.verify', {}, admin)).ok).toBe(true);
  });
});
