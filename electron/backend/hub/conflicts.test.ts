import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { idNumber } from '@shared/testing/people';
import { createHarness, createSignedInUser, type Harness } from '../testing/harness';
import { joinHub } from '../testing/hub-terminal';
import { startInProcessHub, type InProcessHub } from '../testing/in-process-hub';
import { HUB_START_TIMEOUT_MS } from '../testing/county-hub';

const YANTOU = orgUnitIdFromDivisionCode('330324108');
/** Older than anything the terminals write in this test: the township holds both sides. */
const KEPT_VERSION = '2026-01-05T02:00:00.000Z-0000-other';
const OTHER_VERSION = '2026-01-05T01:00:00.000Z-0000-other';

describe('同步冲突 at a township terminal, against the real hub', () => {
  let hub: InProcessHub;
  let county: Harness;
  let township: Harness;
  let admin: string;
  let adminId: string;
  let townshipTerminal: string;
  let centreTerminal: string;
  let residentId: string;

  beforeAll(async () => {
    hub = await startInProcessHub();
    county = await createHarness();
    township = await createHarness();
    const centreAdmin = await joinHub(county, hub.url, hub.firstCode, {
      terminalName: '县中心一号机',
    });
    const issued = await county.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin);
    admin = await joinHub(township, hub.url, issued.code, { username: 'yantou_admin' });
    const terminals = await hub.db
      .selectFrom('terminals')
      .select(['id', 'org_unit_id'])
      .where('county_code', '=', hub.countyCode)
      .execute();
    townshipTerminal = terminals.find((t) => t.org_unit_id === YANTOU)!.id;
    centreTerminal = terminals.find((t) => t.org_unit_id !== YANTOU)!.id;
    adminId = (
      await township.backend.runtime.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'yantou_admin')
        .executeTakeFirstOrThrow()
    ).id;
    const resident = await township.ok(
      'residents.create',
      {
        docType: 'resident_id',
        docNumber: idNumber('33032419900101123'),
        name: '张三丰',
        phone: '13800138000',
        address: '岩头村丽水街 8 号',
        villageOrgId: orgUnitIdFromDivisionCode('330324108201'),
      },
      admin,
    );
    residentId = resident.id;
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await county?.cleanup();
    await township?.cleanup();
    await hub?.stop();
  });

  /** A conflict as the hub's push opens it (merge.ts), on the resident's record. */
  async function openConflict(
    id: string,
    column: string,
    kept: string,
    other: string,
    versions: { kept: string; other: string } = { kept: KEPT_VERSION, other: OTHER_VERSION },
  ) {
    await hub.db
      .insertInto('sync_records')
      .values({
        county_code: hub.countyCode,
        table_name: 'residents',
        record_id: residentId,
        org_unit_id: YANTOU,
        root_table: 'residents',
        root_id: residentId,
        version: versions.kept,
        columns: JSON.stringify({ [column]: kept }),
        field_versions: JSON.stringify({ [column]: versions.kept }),
        deleted: false,
        change_seq: 1,
        origin_terminal_id: townshipTerminal,
        updated_at: '2026-01-05T02:00:00.000Z',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await hub.db
      .insertInto('sync_conflicts')
      .values({
        county_code: hub.countyCode,
        id,
        table_name: 'residents',
        record_id: residentId,
        org_unit_id: YANTOU,
        column_name: column,
        base_version: '2026-01-05T00:00:00.000Z-0000-other',
        kept_value: JSON.stringify(kept),
        kept_version: versions.kept,
        kept_terminal_id: townshipTerminal,
        kept_by: adminId,
        kept_at: '2026-01-05T02:00:00.000Z',
        other_value: JSON.stringify(other),
        other_version: versions.other,
        other_terminal_id: centreTerminal,
        other_by: 'someone-elsewhere',
        other_at: '2026-01-05T01:00:00.000Z',
        opened_at: '2026-01-05T02:01:00.000Z',
      })
      .execute();
  }

  it('lists the conflict with the record and field by name, both values, who, when and where', async () => {
    await openConflict('c-address', 'address', '岩头村丽水街 8 号', '岩头村丽水街 18 号');
    await openConflict('c-phone', 'phone', '13800138000', '13900139000');
    const { conflicts, more } = await township.ok('sync.conflicts', {}, admin);
    expect(more).toBe(false);
    const address = conflicts.find((c) => c.id === 'c-address');
    expect(address).toEqual({
      id: 'c-address',
      tableLabel: '群众档案',
      recordLabel: '群众档案 张三丰',
      columnLabel: '住址',
      kept: {
        display: '岩头村丽水街 8 号',
        byName: '陈建国',
        at: '2026-01-05T02:00:00.000Z',
        terminal: '本机',
      },
      other: {
        display: '岩头村丽水街 18 号',
        byName: '未知人员',
        at: '2026-01-05T01:00:00.000Z',
        terminal: '01 号终端',
      },
      differOnlyInMask: false,
      openedAt: '2026-01-05T02:01:00.000Z',
    });
    const phone = conflicts.find((c) => c.id === 'c-phone');
    expect(phone).toMatchObject({
      columnLabel: '联系电话',
      kept: { display: '138****8000' },
      other: { display: '139****9000' },
    });
    expect(JSON.stringify(conflicts)).not.toContain('13800138000');
  });

  it('writes the chosen value as a change of the record here, with its outbox entry and audit, then closes it on the hub', async () => {
    const entriesOf = () =>
      township.backend.runtime.db
        .selectFrom('outbox')
        .selectAll()
        .where('table_name', '=', 'residents')
        .where('record_id', '=', residentId)
        .orderBy('seq', 'desc')
        .execute();
    const before = await entriesOf();
    const done = await township.ok(
      'sync.resolveConflict',
      { conflictId: 'c-address', choice: 'other' },
      admin,
    );
    expect(done).toEqual({ id: 'c-address', display: '岩头村丽水街 18 号' });

    const detail = await township.ok('residents.get', { residentId }, admin);
    expect(detail.address).toBe('岩头村丽水街 18 号');
    const entries = await entriesOf();
    expect(entries).toHaveLength(before.length + 1);
    expect(entries[0]).toMatchObject({ op: 'update' });
    expect(JSON.parse(entries[0]!.payload)).toMatchObject({ address: '岩头村丽水街 18 号' });

    const closed = await hub.db
      .selectFrom('sync_conflicts')
      .select(['resolved_by', 'resolved_value'])
      .where('county_code', '=', hub.countyCode)
      .where('id', '=', 'c-address')
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ resolved_by: adminId, resolved_value: '岩头村丽水街 18 号' });
    const left = await township.ok('sync.conflicts', {}, admin);
    expect(left.conflicts.map((c) => c.id)).toEqual(['c-phone']);
    const audit = await township.ok(
      'audit.list',
      { page: 1, pageSize: 10, action: 'sync.resolveConflict' },
      admin,
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toContain('丽水街 18 号');
  });

  it('refuses a choice before this terminal holds the record as the hub has it, and changes nothing', async () => {
    await openConflict('c-ahead', 'name', '张三丰', '张三峰', {
      kept: '2099-01-05T02:00:00.000Z-0000-other',
      other: '2099-01-05T01:00:00.000Z-0000-other',
    });
    expect(
      await township.code(
        'sync.resolveConflict',
        { conflictId: 'c-ahead', choice: 'other' },
        admin,
      ),
    ).toBe('SYNC_CONFLICT_NOT_PULLED');
    expect((await township.ok('residents.get', { residentId }, admin)).name).toBe('张三丰');
    const open = await township.ok('sync.conflicts', {}, admin);
    expect(open.conflicts.map((c) => c.id).sort()).toEqual(['c-ahead', 'c-phone']);
  });

  it('is for supervisors and administrators, and needs the hub', async () => {
    expect(
      await township.code('sync.resolveConflict', { conflictId: 'nope', choice: 'kept' }, admin),
    ).toBe('SYNC_CONFLICT_GONE');
    const clerk = await createSignedInUser(township, admin, {
      username: 'yantou_clerk',
      displayName: '李小梅',
      role: 'clerk',
    });
    expect(await township.code('sync.conflicts', {}, clerk.token)).toBe('FORBIDDEN');
    expect(
      await township.code(
        'sync.resolveConflict',
        { conflictId: 'c-phone', choice: 'kept' },
        clerk.token,
      ),
    ).toBe('FORBIDDEN');
    await hub.stop();
    const offline = await township.call('sync.conflicts', {}, admin);
    expect(offline).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
  });
});
