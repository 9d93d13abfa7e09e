import { describe, expect, it } from 'vitest';
import { cameraProblem } from './camera-problem';

function domError(name: string): Error {
  const error = new Error('camera');
  error.name = name;
  return error;
}

describe('cameraProblem', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['PermissionDeniedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'not_found'],
    ['OverconstrainedError', 'not_found'],
    ['NotReadableError', 'busy'],
    ['TypeError', 'other'],
  ] as const)('%s means %s', (name, problem) => {
    expect(cameraProblem(domError(name))).toBe(problem);
  });

  it('treats anything else as other', () => {
    expect(cameraProblem('broken')).toBe('other');
    expect(cameraProblem(null)).toBe('other');
  });
});
