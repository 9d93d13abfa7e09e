import { afterEach, expect, it } from 'vitest';
import { HUB_PATHS } from '@shared/sync/hub-contract';
import { SYNC_PATHS } from '@shared/sync/records-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';

interface Enrolled {
  token: string;
  terminalId: string;
}

describeOnBackends(
  '同步冲突 on the hub: listed to the owning unit, closed once by its choice',
  (backend) => {
    const db = useDatabase(backend);
    let hub: TestHub;
    afterEach(() => hub.close());

    /** Two windows of 东城街道, its village, and 北城街道. */
    async function county() {
      hub = await startTestHub(db());
      const centre = (await hub.enrol(hub.firstCode)).body.token as string;
      const enrolAt = async (orgUnitCode: string): Promise<Enrolled> => {
        const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
          token: centre,
          body: { orgUnitCode },
        });
        const { token, terminalId } = (await hub.enrol(code.body.code)).body;
        return { token, terminalId };
      };
      return {
        window1: await enrolAt(`${hub.countyCode}001`),
        window2: await enrolAt(`${hub.countyCode}001`),
        village: await enrolAt(`${hub.countyCode}001001`),
        north: await enrolAt(`${hub.countyCode}002`),
        township: orgUnitIdFromDivisionCode(`${hub.countyCode}001`),
        villageUnit: orgUnitIdFromDivisionCode(`${hub.countyCode}001001`),
      };
    }

    /** A case material on the hub, owned by `unit`, and the conflict two windows opened on its name. */
    async function seedConflict(
      t: Awaited<ReturnType<typeof county>>,
      options: { id: string; unit: string; recordId: string; openedAt?: string; value?: number },
    ) {
      const { countyCode } = hub;
      await db()
        .insertInto('sync_records')
        .values({
          county_code: countyCode,
          table_name: 'case_materials',
          record_id: options.recordId,
          org_unit_id: options.unit,
          root_table: 'cases',
          root_id: `case-of-${options.recordId}`,
          version: '2026-12-07T01:05:00.000Z-0000-w1',
          columns: JSON.stringify({ name: '户口簿复印件' }),
          field_versions: JSON.stringify({ name: '2026-12-07T01:05:00.000Z-0000-w1' }),
          deleted: false,
          change_seq: 1,
          origin_terminal_id: t.window1.terminalId,
          updated_at: '2026-12-07T01:05:00.000Z',
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await db()
        .insertInto('sync_conflicts')
        .values({
          county_code: countyCode,
          id: options.id,
          table_name: 'case_materials',
          record_id: options.recordId,
          org_unit_id: options.unit,
          column_name: options.value === undefined ? 'name' : 'copies',
          base_version: '2026-12-07T01:00:00.000Z-0000-w1',
          kept_value: JSON.stringify(options.value ?? '户口簿复印件'),
          kept_version: '2026-12-07T01:05:00.000Z-0000-w1',
          kept_terminal_id: t.window1.terminalId,
          kept_by: 'u-wang',
          kept_at: '2026-12-07T01:05:00.000Z',
          other_value: JSON.stringify(options.value === undefined ? '户口本原件' : null),
          other_version: '2026-12-07T01:04:00.000Z-0000-w2',
          other_terminal_id: t.window2.terminalId,
          other_by: 'u-li',
          other_at: '2026-12-07T01:04:00.000Z',
          opened_at: options.openedAt ?? '2026-12-07T01:06:00.000Z',
        })
        .execute();
    }

    async function seedAccount(id: string, unit: string, displayName: string) {
      await db()
        .insertInto('accounts')
        .values({
          county_code: hub.countyCode,
          id,
          org_unit_id: unit,
          username: id,
          username_key: id,
          display_name: displayName,
          role: 'clerk',
          password_hash: 'x',
          password_format: 'scrypt',
          must_change_password: false,
          disabled: false,
          deleted: false,
          version: 1,
          seq: 1,
          updated_at: '2026-12-07T01:00:00.000Z',
          updated_by_terminal_id: 'w1',
        })
        .execute();
    }

    const list = (token: string) => hub.call('GET', SYNC_PATHS.conflicts, { token });
    const resolve = (token: string, id: string, body: unknown) =>
      hub.call('POST', SYNC_PATHS.resolveConflict(id), { token, body });

    it('lists both values with who, when and which terminal to every terminal of the owning unit, and to no other unit', async () => {
      const t = await county();
      await seedAccount('u-wang', t.township, '王小红');
      await seedConflict(t, { id: 'k-1', unit: t.township, recordId: 'm-1' });

      for (const window of [t.window1, t.window2]) {
        const answer = await list(window.token);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          more: false,
          conflicts: [
            {
              id: 'k-1',
              table: 'case_materials',
              recordId: 'm-1',
              rootTable: 'cases',
              rootId: 'case-of-m-1',
              column: 'name',
              kept: {
                value: '户口簿复印件',
                version: '2026-12-07T01:05:00.000Z-0000-w1',
                terminalId: t.window1.terminalId,
                terminalNumber: '01',
                by: 'u-wang',
                byName: '王小红',
                at: '2026-12-07T01:05:00.000Z',
              },
              other: {
                value: '户口本原件',
                version: '2026-12-07T01:04:00.000Z-0000-w2',
                terminalId: t.window2.terminalId,
                terminalNumber: '02',
                by: 'u-li',
                byName: null,
                at: '2026-12-07T01:04:00.000Z',
              },
              openedAt: '2026-12-07T01:06:00.000Z',
            },
          ],
        });
      }
      for (const other of [t.village, t.north]) {
        expect((await list(other.token)).body).toEqual({ conflicts: [], more: false });
      }
    });

    it('follows the record to the unit it was handed over to', async () => {
      const t = await county();
      await seedConflict(t, { id: 'k-2', unit: t.villageUnit, recordId: 'm-2' });
      expect((await list(t.village.token)).body.conflicts).toHaveLength(1);
      expect((await list(t.window1.token)).body.conflicts).toEqual([]);

      await db()
        .updateTable('sync_records')
        .set({ org_unit_id: t.township })
        .where('county_code', '=', hub.countyCode)
        .where('record_id', '=', 'm-2')
        .execute();
      expect((await list(t.window1.token)).body.conflicts.map((c: { id: string }) => c.id)).toEqual(
        ['k-2'],
      );
      expect((await list(t.village.token)).body.conflicts).toEqual([]);
      const refused = await resolve(t.village.token, 'k-2', { choice: 'kept', resolvedBy: 'u-v' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'CONFLICT_OTHER_UNIT',
        message: '该同步冲突所在的记录不属于本终端所在单位，本终端不能处理',
      });
    });

    it('closes a conflict with the chosen value once: the same choice again is answered alike, another is refused', async () => {
      const t = await county();
      await seedConflict(t, { id: 'k-3', unit: t.township, recordId: 'm-3' });
      await seedConflict(t, {
        id: 'k-4',
        unit: t.township,
        recordId: 'm-4',
        openedAt: '2026-12-07T01:07:00.000Z',
        value: 2,
      });
      hub.clock.now = new Date('2026-12-07T02:00:00.000Z');

      const chosen = await resolve(t.window2.token, 'k-3', {
        choice: 'other',
        resolvedBy: 'u-boss',
      });
      expect(chosen.status).toBe(200);
      expect(chosen.body).toEqual({
        id: 'k-3',
        resolvedAt: '2026-12-07T02:00:00.000Z',
        resolvedBy: 'u-boss',
        resolvedValue: '户口本原件',
      });
      expect((await list(t.window1.token)).body.conflicts.map((c: { id: string }) => c.id)).toEqual(
        ['k-4'],
      );

      hub.clock.now = new Date('2026-12-07T02:01:00.000Z');
      const repeated = await resolve(t.window2.token, 'k-3', {
        choice: 'other',
        resolvedBy: 'u-boss',
      });
      expect(repeated.body).toEqual(chosen.body);
      const sameValueOwnWords = await resolve(t.window1.token, 'k-3', {
        choice: { value: '户口本原件' },
        resolvedBy: 'u-wang',
      });
      expect(sameValueOwnWords.status).toBe(200);
      const different = await resolve(t.window1.token, 'k-3', {
        choice: 'kept',
        resolvedBy: 'u-wang',
      });
      expect(different.status).toBe(409);
      expect(different.body.code).toBe('CONFLICT_ALREADY_RESOLVED');

      const row = await db()
        .selectFrom('sync_conflicts')
        .select(['resolved_by', 'resolved_value'])
        .where('county_code', '=', hub.countyCode)
        .where('id', '=', 'k-3')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ resolved_by: 'u-boss', resolved_value: '户口本原件' });

      const nullChoice = await resolve(t.window1.token, 'k-4', {
        choice: 'other',
        resolvedBy: 'u-wang',
      });
      expect(nullChoice.body.resolvedValue).toBeNull();
      expect((await list(t.window1.token)).body.conflicts).toEqual([]);
    });

    it('refuses an unknown conflict and a malformed choice in words the terminal can show', async () => {
      const t = await county();
      const unknown = await resolve(t.window1.token, 'nope', { choice: 'kept', resolvedBy: 'u' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('这条同步冲突在县级平台上不存在，请刷新后查看');
      await seedConflict(t, { id: 'k-5', unit: t.township, recordId: 'm-5' });
      const malformed = await resolve(t.window1.token, 'k-5', { choice: 'both', resolvedBy: 'u' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('INVALID_INPUT');
      expect((await hub.call('GET', SYNC_PATHS.conflicts)).status).toBe(401);
    });
  },
);
