import { describe, expect } from 'vitest';
import { ADMIN_PASSWORD } from '../testing/harness';
import { DONGCHENG, WUMA } from '@shared/testing/org-units';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { test } from '../testing/fixtures';

describe('the first-run wizard', () => {
  test('lets the administrator work at once on the password he chose himself', async ({
    harness: h,
  }) => {
    await h.ok('setup.initialize', {
      level: 'township',
      divisionCode: WUMA.divisionCode,
      orgName: WUMA.centre,
      terminalName: '一号窗口',
      terminalNumber: '01',
      admin: { username: 'admin', displayName: '陈建国', password: ADMIN_PASSWORD },
      loadDemoOrgTree: false,
    });
    const { token, user } = await h.ok('auth.signIn', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(user.mustChangePassword).toBe(false);
    const users = await h.call('users.list', { includeDisabled: true }, token);
    expect(users.ok).toBe(true);
  });

  test('gives every unit of the demo tree the id the county hub derives from its division code', async ({
    harness: h,
  }) => {
    await h.ok('setup.initialize', {
      level: 'township',
      divisionCode: DONGCHENG.divisionCode,
      orgName: DONGCHENG.centre,
      terminalName: '一号窗口',
      terminalNumber: '01',
      admin: { username: 'admin', displayName: '陈建国', password: ADMIN_PASSWORD },
      loadDemoOrgTree: true,
    });
    const { token } = await h.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
    const units = await h.ok('orgUnits.list', {}, token);
    expect(units.length).toBeGreaterThan(3);
    // So that joining the county later has no units to match.
    expect(units.filter((unit) => unit.id !== orgUnitIdFromDivisionCode(unit.code))).toEqual([]);
    expect((await h.ok('system.status', {})).orgUnit?.id).toBe(
      orgUnitIdFromDivisionCode(DONGCHENG.divisionCode),
    );
  });
});
