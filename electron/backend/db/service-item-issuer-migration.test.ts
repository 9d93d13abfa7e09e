import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { WUMA } from '@shared/testing/org-units';
import { test } from '../testing/fixtures';
import { up } from './migrations/2026_12_06_2000_service_item_issuer';

describe('2026_12_06_2000 service item issuer', () => {
  test('gives the shipped items the county as issuer and an item the centre added its own unit, keeping ids', async ({
    harness: h,
    township: { admin },
  }) => {
    const db = h.backend.runtime.db;
    const created = await h.ok(
      'catalogue.save',
      {
        fields: {
          code: 'zj-xz-9001',
          name: '独生子女父母光荣证补办',
          aliases: [],
          category: '卫生健康',
          department: '镇卫健办',
          type: 'instant',
          promisedDays: 0,
          statutoryDays: 0,
          feeFen: 0,
          agencyAllowed: false,
          basis: '《浙江省人口与计划生育条例》',
          materials: [
            {
              name: '居民身份证',
              form: 'original',
              copies: 1,
              required: true,
              condition: null,
              source: '申请人自备',
            },
          ],
        },
      },
      admin,
    );
    // The table as it was before the migration.
    await sql`DROP INDEX service_items_code`.execute(db);
    await sql`ALTER TABLE service_items DROP COLUMN issuer_code`.execute(db);
    await sql`CREATE UNIQUE INDEX service_items_code ON service_items(code) WHERE deleted_at IS NULL`.execute(
      db,
    );
    const before = await sql<{ id: string }>`SELECT id FROM service_items ORDER BY id`.execute(db);

    await up(db as never);

    const issuers = await sql<{ issuer_code: string; n: number }>`SELECT issuer_code, count(*) AS n
      FROM service_items GROUP BY issuer_code ORDER BY issuer_code`.execute(db);
    expect(issuers.rows).toEqual([
      { issuer_code: WUMA.divisionCode.slice(0, 6), n: 42 },
      { issuer_code: WUMA.divisionCode, n: 1 },
    ]);
    const own = await h.ok('catalogue.get', { itemId: created.itemId }, admin);
    expect(own).toMatchObject({ code: 'zj-xz-9001', countyIssued: false });
    const after = await sql<{ id: string }>`SELECT id FROM service_items ORDER BY id`.execute(db);
    expect(after.rows).toEqual(before.rows);
  });
});
