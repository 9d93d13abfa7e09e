import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
} from '@shared/sync/hub-contract';
import { describeOnBackends } from '../test/hub-backends';

const ROOT = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  code: string | null;
}

/** Starts `npm run hub`'s command and waits for what it prints once it listens. */
function startHub(args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.node.json', 'upstream/src/main.ts', ...args],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env } },
  );
  return new Promise((resolveStarted, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /county hub listening: (http:\/\/\S+)/.exec(output)?.[1];
      // The banner is written in one piece, so its last line tells that all of it arrived.
      if (url && /storage: .*\n/.test(output)) {
        const code = /first terminal: ([A-Z0-9-]+)/.exec(output)?.[1] ?? null;
        if (code || !output.includes('加入码')) resolveStarted({ child, url, code });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (status) => reject(new Error(`hub exited with ${status}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolveStopped) => {
    if (child.exitCode !== null) return resolveStopped();
    child.removeAllListeners('exit');
    child.once('exit', () => resolveStopped());
    child.kill('SIGTERM');
  });
}

const headers = { [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION) };

describeOnBackends('npm run hub', (backend) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  // Two starts of a separate process; on PGlite the first runs initdb in WebAssembly, which takes
  // tens of seconds on a loaded machine.
  it(
    'prints a code that enrols the county centre, and no code once a terminal has joined',
    {
      timeout: 180_000,
    },
    async () => {
      const env: Record<string, string> = {};
      const args = ['--port', '0', '--county', '339901', '--county-name', '测试县'];
      if (backend.label === 'PGlite') {
        const dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
        cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
        args.push('--data', dir);
      } else {
        const database = await backend.open();
        await database.db.destroy();
        cleanups.push(() => database.close());
        env.DATABASE_URL = database.url!;
        // Its files in a folder of the test's, not hub-releases/ and hub-blobs/ where it runs.
        const files = mkdtempSync(join(tmpdir(), 'hub-cli-files-'));
        cleanups.push(() => rmSync(files, { recursive: true, force: true }));
        args.push('--releases', join(files, 'releases'), '--blobs', join(files, 'blobs'));
      }
      const first = await startHub(args, env);
      cleanups.push(() => stop(first.child));
      expect(first.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const enrolled = await fetch(`${first.url}${HUB_PATHS.enrol}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ code: first.code, appVersion: '0.1.0' }),
      });
      expect(enrolled.status).toBe(201);
      const terminal = (await enrolled.json()) as { token: string; orgUnit: { code: string } };
      expect(terminal.orgUnit.code).toBe('339901');
      await stop(first.child);

      const second = await startHub(args, env);
      cleanups.push(() => stop(second.child));
      expect(second.code).toBeNull();
      const self = await fetch(`${second.url}${HUB_PATHS.terminal}`, {
        headers: { ...headers, authorization: bearer(terminal.token) },
      });
      expect(self.status).toBe(200);
    },
  );
});
