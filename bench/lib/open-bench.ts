import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api';
import { startBackend, type Backend } from '../../electron/backend/app/backend';
import { MANIFEST_FILE, type Manifest } from '../generate/generate';

export interface OpenBench {
  backend: Backend;
  manifest: Manifest;
  /** Milliseconds from startBackend to ready: integrity check, migrations, the daily backup. */
  startMs: number;
  /**
   * Milliseconds from ready until the background integrity check of a big file reported; the
   * measures start after it, so that its reading of the whole file does not share their CPU and disk.
   */
  checkMs: number;
  tokens: { admin: string; clerk: string; supervisor: string; mediator: string };
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    token: string,
  ): Promise<MethodOutput<M>>;
}

/** Starts the real backend on a generated data folder, in this process, and signs its users in. */
export async function openBench(dataDir: string): Promise<OpenBench> {
  const manifest = JSON.parse(readFileSync(join(dataDir, MANIFEST_FILE), 'utf8')) as Manifest;
  const started = performance.now();
  const backend = await startBackend({ dataDir, appVersion: 'bench' });
  const startMs = performance.now() - started;
  await backend.integrityChecked();
  const checkMs = performance.now() - started - startMs;
  if (backend.runtime.damaged)
    throw new Error(`the database did not open: ${backend.runtime.damaged}`);
  const call: OpenBench['call'] = async (method, input, token) => {
    const result = await backend.call({ method, input, session: token });
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  const signIn = async (username: string) =>
    (await call('auth.signIn', { username, password: manifest.password }, '')).token;
  const tokens = {
    admin: await signIn(manifest.users.admin),
    clerk: await signIn(manifest.users.clerk),
    supervisor: await signIn(manifest.users.supervisor),
    mediator: await signIn(manifest.users.mediator),
  };
  return { backend, manifest, startMs, checkMs, tokens, call };
}
