import { describe, expect, it } from 'vitest';
import { parseCallEnvelope, parsePrintRequest } from './ipc-input';

describe('parseCallEnvelope', () => {
  it('keeps method, input and session and drops anything else', () => {
    expect(
      parseCallEnvelope({ method: 'users.list', input: { page: 1 }, session: 's', extra: 1 }),
    ).toEqual({ method: 'users.list', input: { page: 1 }, session: 's' });
    expect(parseCallEnvelope({ method: 'system.info' })).toEqual({
      method: 'system.info',
      input: undefined,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'users.list'],
    ['an array', [{ method: 'users.list' }]],
    ['no method', { input: {} }],
    ['an empty method', { method: '', input: {} }],
    ['a numeric method', { method: 1, input: {} }],
    ['an overlong method', { method: 'a'.repeat(101), input: {} }],
    ['a non-string session', { method: 'users.list', input: {}, session: 42 }],
  ])('refuses %s', (_name, value) => {
    expect(parseCallEnvelope(value)).toBeNull();
  });
});

describe('parsePrintRequest', () => {
  it('accepts a title', () => {
    expect(parsePrintRequest({ title: '受理回执' })).toEqual({ title: '受理回执' });
  });

  it.each([null, {}, { title: 3 }, { title: 'x'.repeat(201) }])('refuses %j', (value) => {
    expect(parsePrintRequest(value)).toBeNull();
  });
});
