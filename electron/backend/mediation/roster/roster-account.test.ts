import { describe, expect } from 'vitest';
import type { MethodInput } from '@shared/api';
import { ADMIN_PASSWORD, createSignedInUser } from '../../testing/harness';
import { FILE, SET_UP_TIME, staffTest } from '../../testing/mediation-staff';
import { zhangAndLi } from '../../testing/mediation-inputs';
import { neighbourDispute } from '@shared/testing/people';

type Account = Pick<
  MethodInput<'users.create'>,
  'username' | 'displayName' | 'role' | 'addToRoster'
>;

/**
 * `createAccount`: an account the administrator creates at 城东社区 unless `orgUnitId` says
 * otherwise; `onRoster`: whether the supervisor finds a user on a unit's roster.
 */
const test = staffTest
  .extend('createAccount', FILE, ({ harness: h, township: c }) => {
    return (account: Account & { orgUnitId?: string }) =>
      h.ok(
        'users.create',
        { orgUnitId: c.villageAId, ...account, initialPassword: ADMIN_PASSWORD },
        c.admin,
      );
  })
  .extend('onRoster', FILE, ({ harness: h, supervisor }) => {
    return async (userId: string, query: MethodInput<'mediators.list'>) =>
      (await h.ok('mediators.list', query, supervisor.token)).some(
        (mediator) => mediator.userId === userId,
      );
  });

test.beforeAll(({ supervisor }) => void supervisor, SET_UP_TIME);

describe('a new mediator account and the roster', () => {
  test('put on the roster at creation, the mediator assigns himself and records a session', async ({
    harness: h,
    township: c,
  }) => {
    // Not a literal, so that addToRoster passes through the helper to users.create.
    const wu = {
      username: 'wu_med',
      displayName: '吴志明',
      role: 'mediator' as const,
      orgUnitId: c.villageAId,
      addToRoster: true,
    };
    const { token, userId } = await createSignedInUser(h, c.admin, wu);
    const roster = await h.ok('mediators.list', { orgUnitId: c.villageAId }, token);
    const entry = roster.find((mediator) => mediator.userId === userId);
    expect(entry).toMatchObject({
      name: '吴志明',
      committeeKind: 'village',
      background: 'other',
      active: true,
    });

    const { dispute } = await h.ok('mediation.register', neighbourDispute(zhangAndLi()), token);
    await h.ok(
      'mediation.assignMediators',
      { disputeId: dispute.id, leadMediatorId: entry!.id },
      token,
    );
    const recorded = await h.ok(
      'mediation.recordSession',
      {
        disputeId: dispute.id,
        heldOn: '2026-11-27',
        place: '城东社区调解室',
        mediatorIds: [entry!.id],
        attendees: ['张三（申请人）', '李四（被申请人）'],
        statements: [],
        agreed: false,
        result: '约定三日后再调',
      },
      token,
    );
    expect(recorded.sessions).toHaveLength(1);
    expect(recorded.state).toBe('mediating');
  });

  test('leaves a mediator off the roster unless asked, and links a later entry once only', async ({
    harness: h,
    township: c,
    supervisor,
    createAccount,
    onRoster,
  }) => {
    const user = await createAccount({
      username: 'zhao_med',
      displayName: '赵丽',
      role: 'mediator',
    });
    expect(await onRoster(user.id, { orgUnitId: c.villageAId })).toBe(false);
    const entry = {
      name: '赵丽',
      userId: user.id,
      orgUnitId: c.villageAId,
      committeeKind: 'village',
      background: 'other',
    };
    const added = await h.ok('mediators.create', entry, supervisor.token);
    expect(added.userId).toBe(user.id);
    const twice = await h.call('mediators.create', entry, supervisor.token);
    expect(twice.ok ? null : twice.error.code).toBe('ALREADY_ON_ROSTER');
  });

  test('puts no clerk on the roster, whatever the box says', async ({
    township: c,
    createAccount,
    onRoster,
  }) => {
    const user = await createAccount({
      username: 'qian_clerk',
      displayName: '钱芳',
      role: 'clerk',
      orgUnitId: c.townshipId,
      addToRoster: true,
    });
    expect(await onRoster(user.id, { orgUnitId: c.townshipId, includeInactive: true })).toBe(false);
  });

  test('a clerk made 调解员 is offered the roster: put on it once, and the account says so', async ({
    harness: h,
    township: c,
    supervisor,
    createAccount,
    onRoster,
  }) => {
    const user = await createAccount({
      username: 'sun_clerk',
      displayName: '孙伟',
      role: 'clerk',
    });
    expect(user.onRoster).toBe(false);
    const change = {
      userId: user.id,
      displayName: '孙伟',
      role: 'mediator' as const,
      orgUnitId: c.villageAId,
    };
    // Not asked: the role changes, the roster doesn't.
    expect((await h.ok('users.update', change, c.admin)).onRoster).toBe(false);
    expect(await onRoster(user.id, { orgUnitId: c.villageAId })).toBe(false);

    const made = await h.ok('users.update', { ...change, addToRoster: true }, c.admin);
    expect(made).toMatchObject({ role: 'mediator', onRoster: true });
    expect(await onRoster(user.id, { orgUnitId: c.villageAId })).toBe(true);
    // Asked again (the form ticked by default): no second entry.
    await h.ok('users.update', { ...change, addToRoster: true }, c.admin);
    const list = await h.ok('users.list', {}, c.admin);
    expect(list.find((row) => row.id === user.id)?.onRoster).toBe(true);
    const roster = await h.ok('mediators.list', { orgUnitId: c.villageAId }, supervisor.token);
    expect(roster.filter((mediator) => mediator.userId === user.id)).toHaveLength(1);
  });
});
