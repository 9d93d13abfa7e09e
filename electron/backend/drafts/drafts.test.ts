import { describe, expect } from 'vitest';
import { createSignedInUser, NEW_ADMIN_PASSWORD } from '../testing/harness';
import { test as base } from '../testing/fixtures';

/** A second clerk at the next window. */
const test = base.extend('other', async ({ harness, township }) => {
  const user = { username: 'clerk2', displayName: '李窗口', role: 'clerk' } as const;
  return (await createSignedInUser(harness, township.admin, user)).token;
});

const INTAKE = { residentName: '王小明', note: '家属代为询问' };

describe('form drafts', () => {
  test('keeps the last draft of a form for its user across a backend restart', async ({
    harness: h,
    clerk,
  }) => {
    expect(await h.ok('drafts.get', { formKey: 'intake' }, clerk)).toBeNull();
    await h.ok('drafts.save', { formKey: 'intake', data: { note: '先' } }, clerk);
    const { updatedAt } = await h.ok('drafts.save', { formKey: 'intake', data: INTAKE }, clerk);
    await h.restart();
    const { token } = await h.ok('auth.signIn', {
      username: 'clerk1',
      password: NEW_ADMIN_PASSWORD,
    });
    expect(await h.ok('drafts.get', { formKey: 'intake' }, token)).toEqual({
      formKey: 'intake',
      data: INTAKE,
      updatedAt,
    });
  });

  test('is the caller’s own: another user neither reads nor discards it', async ({
    harness: h,
    clerk,
    other,
  }) => {
    await h.ok('drafts.save', { formKey: 'intake', data: INTAKE }, clerk);
    expect(await h.ok('drafts.get', { formKey: 'intake' }, other)).toBeNull();
    expect(await h.ok('drafts.discard', { formKey: 'intake' }, other)).toEqual({
      discarded: false,
    });
    await h.ok('drafts.save', { formKey: 'intake', data: { note: '另一位' } }, other);
    expect((await h.ok('drafts.get', { formKey: 'intake' }, clerk))?.data).toEqual(INTAKE);
  });

  test('keeps one draft per form, and a discarded draft is gone', async ({ harness: h, clerk }) => {
    await h.ok('drafts.save', { formKey: 'intake', data: INTAKE }, clerk);
    await h.ok('drafts.save', { formKey: 'agreement:0190d3a0-1', data: { facts: '漏水' } }, clerk);
    expect(await h.ok('drafts.discard', { formKey: 'intake' }, clerk)).toEqual({ discarded: true });
    expect(await h.ok('drafts.get', { formKey: 'intake' }, clerk)).toBeNull();
    expect((await h.ok('drafts.get', { formKey: 'agreement:0190d3a0-1' }, clerk))?.data).toEqual({
      facts: '漏水',
    });
  });

  test('refuses a signed-out caller, a malformed form name and an oversized draft', async ({
    harness: h,
    clerk,
  }) => {
    const signedOut = await h.call('drafts.get', { formKey: 'intake' });
    expect(signedOut.ok || signedOut.error.code).toBe('UNAUTHENTICATED');
    const badKey = await h.call('drafts.save', { formKey: '../intake', data: {} }, clerk);
    expect(badKey.ok || badKey.error.code).toBe('INVALID_INPUT');
    const huge = await h.call(
      'drafts.save',
      { formKey: 'intake', data: { note: 'x'.repeat(300 * 1024) } },
      clerk,
    );
    expect(huge.ok || huge.error.code).toBe('DRAFT_TOO_LARGE');
    expect(await h.ok('drafts.get', { formKey: 'intake' }, clerk)).toBeNull();
  });
});
