import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { idNumber } from '@shared/testing/people';
import { createHarness, createSignedInUser, type Harness } from '../testing/harness';
import { startFaultProxy, type FaultProxy } from '../testing/fault-proxy';
import { joinHub } from '../testing/hub-terminal';
import { startInProcessHub, type InProcessHub } from '../testing/in-process-hub';
import { HUB_START_TIMEOUT_MS } from '../testing/county-hub';

const YANTOU = orgUnitIdFromDivisionCode('330324108');
const VILLAGE = orgUnitIdFromDivisionCode('330324108201');

/**
 * Two windows of 岩头镇 against the real hub. The conflicts are made as they happen: window 2, cut off
 * behind a proxy, changes a resident's address, phone and gender a minute after window 1 changed them
 * from the same version and synced; then window 2 is back and syncs.
 */
describe('同步冲突 at a township terminal, against the real hub', () => {
  let hub: InProcessHub;
  let proxy: FaultProxy;
  let county: Harness;
  let township: Harness;
  let window2: Harness;
  let admin: string;
  let admin2: string;
  let adminId: string;
  let residentId: string;
  const byColumn = new Map<string, string>();

  const fields = (address: string, phone: string) => ({
    residentId,
    name: '张三丰',
    address,
    phone,
    villageOrgId: VILLAGE,
  });

  beforeAll(async () => {
    hub = await startInProcessHub();
    proxy = await startFaultProxy(hub.url, () => ({ kind: 'pass' }));
    county = await createHarness();
    township = await createHarness();
    window2 = await createHarness();
    const centreAdmin = await joinHub(county, hub.url, hub.firstCode, {
      terminalName: '县中心一号机',
    });
    const issue = async () =>
      (await county.ok('hub.issueCode', { orgUnitId: YANTOU }, centreAdmin)).code;
    admin = await joinHub(township, hub.url, await issue(), { username: 'yantou_admin' });
    admin2 = await joinHub(window2, proxy.url, await issue(), {
      username: 'yantou_admin2',
      displayName: '周晓梅',
      terminalName: '二号窗口',
    });
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
        villageOrgId: VILLAGE,
      },
      admin,
    );
    residentId = resident.id;
    await township.ok('hub.syncNow', {}, admin);
    await window2.ok('hub.syncNow', {}, admin2);
    expect((await window2.ok('residents.get', { residentId }, admin2)).address).toBe(
      '岩头村丽水街 8 号',
    );

    proxy.setPlan(() => ({ kind: 'cutBefore' }));
    await township.ok('residents.update', fields('岩头村丽水街 8 号之一', '13800138001'), admin);
    await township.ok('hub.syncNow', {}, admin);
    window2.clock.advance(60_000);
    await window2.ok('residents.update', fields('岩头村丽水街 18 号', '13900139000'), admin2);
    proxy.setPlan(() => ({ kind: 'pass' }));
    await window2.ok('hub.syncNow', {}, admin2);

    const opened = await hub.db
      .selectFrom('sync_conflicts')
      .select(['id', 'column_name'])
      .where('county_code', '=', hub.countyCode)
      .execute();
    for (const row of opened) byColumn.set(row.column_name, row.id);
  }, HUB_START_TIMEOUT_MS);

  afterAll(async () => {
    await county?.cleanup();
    await township?.cleanup();
    await window2?.cleanup();
    await proxy?.close();
    await hub?.stop();
  });

  it('lists each conflict with the record and field by name, both values, who, when and where', async () => {
    expect([...byColumn.keys()].sort()).toEqual(['address', 'phone']);
    const { conflicts, more } = await township.ok('sync.conflicts', {}, admin);
    expect(more).toBe(false);
    expect(conflicts).toHaveLength(2);
    const address = conflicts.find((c) => c.id === byColumn.get('address'));
    expect(address).toEqual({
      id: byColumn.get('address'),
      tableLabel: '群众档案',
      recordLabel: '群众档案 张三丰',
      columnLabel: '住址',
      kept: {
        display: '岩头村丽水街 8 号之一',
        byName: '陈建国',
        at: expect.stringMatching(/^2026-11-27T01:00/),
        terminal: '本机',
      },
      other: {
        display: '岩头村丽水街 18 号',
        byName: '周晓梅',
        at: expect.stringMatching(/^2026-11-27T01:01/),
        terminal: '02 号终端',
      },
      differOnlyInMask: false,
      openedAt: expect.any(String),
    });
    const phone = conflicts.find((c) => c.id === byColumn.get('phone'));
    expect(phone).toMatchObject({
      columnLabel: '联系电话',
      kept: { display: '138****8001' },
      other: { display: '139****9000' },
    });
    expect(JSON.stringify(conflicts)).not.toContain('13800138001');
    // Window 2 sees the same conflicts, its own change as 本机.
    const atWindow2 = await window2.ok('sync.conflicts', {}, admin2);
    expect(atWindow2.conflicts.find((c) => c.columnLabel === '住址')).toMatchObject({
      kept: { terminal: '01 号终端', byName: '陈建国' },
      other: { terminal: '本机', byName: '周晓梅' },
    });
  });

  it('refuses a choice before this terminal holds the record as the hub has it, and changes nothing', async () => {
    expect(
      await township.code(
        'sync.resolveConflict',
        { conflictId: byColumn.get('address')!, choice: 'other' },
        admin,
      ),
    ).toBe('SYNC_CONFLICT_NOT_PULLED');
    expect((await township.ok('residents.get', { residentId }, admin)).address).toBe(
      '岩头村丽水街 8 号之一',
    );
    expect((await township.ok('sync.conflicts', {}, admin)).conflicts).toHaveLength(2);
  });

  it('writes the chosen value as a change of the record here, with its outbox entry and audit, closes it on the hub, and both windows end with it', async () => {
    await township.ok('hub.syncNow', {}, admin);
    const entriesOf = () =>
      township.backend.runtime.db
        .selectFrom('outbox')
        .selectAll()
        .where('table_name', '=', 'residents')
        .where('record_id', '=', residentId)
        .orderBy('seq', 'desc')
        .execute();
    const before = await entriesOf();
    const conflictId = byColumn.get('address')!;
    const done = await township.ok('sync.resolveConflict', { conflictId, choice: 'other' }, admin);
    expect(done).toEqual({ id: conflictId, display: '岩头村丽水街 18 号' });

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
      .where('id', '=', conflictId)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ resolved_by: adminId, resolved_value: '岩头村丽水街 18 号' });
    const audit = await township.ok(
      'audit.list',
      { page: 1, pageSize: 10, action: 'sync.resolveConflict' },
      admin,
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toContain('丽水街 18 号');

    // The choice goes up with the next sync and comes down to window 2; nothing reopens.
    await township.ok('hub.syncNow', {}, admin);
    await window2.ok('hub.syncNow', {}, admin2);
    expect((await window2.ok('residents.get', { residentId }, admin2)).address).toBe(
      '岩头村丽水街 18 号',
    );
    expect((await township.ok('residents.get', { residentId }, admin)).address).toBe(
      '岩头村丽水街 18 号',
    );
    const left = await township.ok('sync.conflicts', {}, admin);
    expect(left.conflicts.map((c) => c.columnLabel)).toEqual(['联系电话']);
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
        { conflictId: byColumn.get('phone')!, choice: 'kept' },
        clerk.token,
      ),
    ).toBe('FORBIDDEN');
    await hub.stop();
    const offline = await township.call('sync.conflicts', {}, admin);
    expect(offline).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
  });
});
