import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnrolment } from '../hub/repository';
import { openDatabase, type DatabaseHandle } from './connection';
import { migrate } from './migrate';
import { migrations } from './migrations';

const MIGRATION = '2026_12_06_1900_reference_editions';
const now = () => '2026-12-06T12:00:00.000Z';

describe(MIGRATION, () => {
  let dir: string;
  let handle: DatabaseHandle;

  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function enrolledBefore(settings: Record<string, string>) {
    dir = mkdtempSync(join(tmpdir(), 'desk-migration-'));
    handle = openDatabase(join(dir, 'desk.sqlite'));
    const db = handle.db as unknown as Kysely<unknown>;
    const before = migrations.slice(
      0,
      migrations.findIndex((m) => m.name === MIGRATION),
    );
    await migrate(db, before, now, async () => {});
    for (const [key, value] of Object.entries(settings))
      await handle.db.insertInto('settings').values({ key, value }).execute();
    expect(await migrate(db, migrations, now, async () => {})).toContain(MIGRATION);
  }

  const ENROLMENT = {
    hub_url: 'http://10.33.1.20:8443',
    hub_name: '永嘉县基层一窗通平台',
    hub_terminal_id: 't-1',
    hub_terminal_number: '01',
    hub_org_unit: JSON.stringify({ code: '330324108', name: '岩头镇', level: 'township' }),
    hub_county_code: '330324',
    hub_joined_at: '2026-12-01T02:00:00.000Z',
  };

  it('keeps an enrolled terminal’s org tree edition, as applied when it joined', async () => {
    await enrolledBefore({ ...ENROLMENT, hub_org_tree_edition: '3' });
    expect(await readEnrolment(handle.db)).toMatchObject({ orgTreeEdition: 3 });
    expect(await handle.db.selectFrom('reference_editions').selectAll().execute()).toEqual([
      {
        kind: 'orgTree',
        edition: 3,
        published_at: null,
        applied_at: '2026-12-01T02:00:00.000Z',
        summary: '加入县级平台时取得',
      },
    ]);
    const left = await handle.db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', 'hub_org_tree_edition')
      .execute();
    expect(left).toEqual([]);
  });

  it('records nothing for a terminal that joined before the county published a tree', async () => {
    await enrolledBefore({ ...ENROLMENT, hub_org_tree_edition: '' });
    expect(await readEnrolment(handle.db)).toMatchObject({ orgTreeEdition: null });
    expect(await handle.db.selectFrom('reference_editions').selectAll().execute()).toEqual([]);
  });
});
