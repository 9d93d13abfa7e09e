import { describe, expect, it, vi } from 'vitest';

// No Electron binary where the tests run: what forkBackend hands utilityProcess.fork is recorded.
const forks = vi.hoisted(() => [] as { args: string[]; options: { execArgv?: string[] } }[]);
vi.mock('electron', () => ({
  dialog: {},
  utilityProcess: {
    fork: (_entry: string, args: string[], options: { execArgv?: string[] }) => {
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
});
