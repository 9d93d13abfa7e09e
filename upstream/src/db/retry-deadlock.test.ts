import { describe, expect, it } from 'vitest';
import { retryingDeadlocks } from './retry-deadlock';

function failing(codes: string[]) {
  let calls = 0;
  const run = async () => {
    const code = codes[calls];
    calls += 1;
    if (code) throw Object.assign(new Error(`aborted ${code}`), { code });
    return 'committed';
  };
  return { run, calls: () => calls };
}

describe('a transaction PostgreSQL aborted for a deadlock', () => {
  it('runs again and answers as the run that committed', async () => {
    const deadlocked = failing(['40P01', '40001']);
    expect(await retryingDeadlocks(deadlocked.run)).toBe('committed');
    expect(deadlocked.calls()).toBe(3);
  });

  it('runs again when a row it inserts was created by another push meanwhile', async () => {
    const raced = failing(['23505']);
    expect(await retryingDeadlocks(raced.run)).toBe('committed');
    expect(raced.calls()).toBe(2);
  });

  it('gives up after three tries, and never retries another error', async () => {
    const always = failing(['40P01', '40P01', '40P01', '40P01']);
    await expect(retryingDeadlocks(always.run)).rejects.toMatchObject({ code: '40P01' });
    expect(always.calls()).toBe(3);
    const missing = failing(['23503']);
    await expect(retryingDeadlocks(missing.run)).rejects.toMatchObject({ code: '23503' });
    expect(missing.calls()).toBe(1);
  });
});
