import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDirectWrites, scanDirectWrites } from '../testing/direct-writes';

const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * The only files that write synced tables around core/synced-writes.ts, each on purpose: what they
 * write is no local change, so it must not become an outbox entry (the hub would get back what it
 * sent, or a re-numbering as if people had edited every row).
 */
const ALLOWED: Record<string, string> = {
  'electron/backend/core/synced-writes.ts': 'the write module itself',
  'electron/backend/hub/accounts-apply.ts':
    "applies this unit's accounts as the hub holds them; hub_accounts keeps the hub's version",
  'electron/backend/hub/rematch/apply.ts':
    "re-points this terminal's ids onto the hub's when it joins: the same records under new ids",
  'electron/backend/hub/pull/apply-page.ts':
    'applies pulled pages: changes made elsewhere, kept with the versions the hub sent',
  'electron/backend/hub/pull/row-writers.ts':
    'the statements apply-page.ts writes pulled rows with, one or many rows at a time',
  'electron/backend/hub/pull/resident-merge.ts':
    "re-points another unit's rows from a merged resident to its survivor, as the hub's merge does",
  'electron/backend/search-index/repository.ts':
    'fills the search indexes’ shadow tables, whose names it builds; no synced table among them',
};

describe('writes of synced tables', () => {
  it('all go through core/synced-writes.ts, except the files allowed above', () => {
    const around = scanDirectWrites(REPO_ROOT, 'electron/backend').filter(
      (write) => !(write.file in ALLOWED),
    );
    expect(around).toEqual([]);
  });

  it('finds a write planted around the module, in Kysely and in SQL text', () => {
    const planted = [
      "await trx.updateTable('cases').set({ state: 'done' }).where('id', '=', id).execute();",
      "await db.insertInto('residents as r').values(row).execute();",
      "await trx.deleteFrom('dispute_parties').where('id', '=', id).execute();",
      'await trx.updateTable(table).set(set).execute();',
      'await sql`UPDATE disputes SET state = ${state} WHERE id = ${id}`.execute(trx);',
      "sqlite.prepare('INSERT OR REPLACE INTO case_events (id) VALUES (?)').run(id);",
      'await sql`DELETE FROM ${sql.table(name)} WHERE id = ${id}`.execute(trx);',
      // Sets a synced column beside the lockout: that is a change of the record.
      "await trx.updateTable('users').set({ failed_attempts: 0, role: 'admin' }).execute();",
    ];
    const found = findDirectWrites('planted.ts', planted.join('\n'));
    expect(found.map((write) => write.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('lets pass writes of tables that do not sync and of terminal-state columns only', () => {
    const fine = [
      "await trx.insertInto('audit_log').values(entry).execute();",
      "await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null }).execute();",
      "await trx.updateTable('users').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) })).execute();",
      'await sql`INSERT INTO cases_fts (rowid, case_no) VALUES (${rowid}, ${caseNo})`.execute(trx);',
      "const words = 'Update cases later';",
      'await sql`SELECT * FROM cases WHERE state = ${state}`.execute(db);',
    ];
    expect(findDirectWrites('fine.ts', fine.join('\n'))).toEqual([]);
  });
});
