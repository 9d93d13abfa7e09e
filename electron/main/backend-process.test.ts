import { describe, expect, it, vi } from 'vitest';

// No Electron binary where the tests run: what forkBackend hands utilityProcess.fork is recorded.
const forks = vi.hoisted(
  () => [] as { args: string[]; options: { execArgv?: string[]; env?: Record<string, string> } }[],
);
vi.mock('electron', () => ({
  dialog: {},
  utilityProcess: {
    fork: (
      _entry: string,
      args: string[],
      options: { execArgv?: string[]; env?: Record<string, string> },
    ) => {
      forks.push({ args, options });
      return { stdout: null, stderr: null };
    },
  },
}));
vi.mock('electron-log/main', () => ({ default: { scope: () => ({ info() {}, error() {} }) } }));

const { forkBackend } = await import('./backend-process');

describe('the backend process', () => {
  it('starts with a young generation of 8 MB semi-spaces, set through Chromium as V8 starts', () => {
    forkBackend('/app/out/main/backend.js', '/data', undefined, undefined, undefined);
    expect(forks).toHaveLength(1);
    expect(forks[0]!.options.execArgv).toEqual(['--js-flags=--max-semi-space-size=8']);
    expect(forks[0]!.args).toEqual(['--data', '/data']);
  });

  it.runIf(process.platform === 'linux')(
    "starts with glibc's malloc held to two arenas and a fixed mmap threshold",
    () => {
      forkBackend('/app/out/main/backend.js', '/data', undefined, 'audit-key', undefined);
      const { env } = forks.at(-1)!.options;
      expect(env).toMatchObject({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
      expect(env?.PATH).toBe(process.env.PATH);
    },
  );
});
