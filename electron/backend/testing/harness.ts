import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Result } from '@shared/api';
import { startBackend, type Backend } from '../app/backend';
import type { WallClock } from '../core/clock';

/** A clock the test moves by hand. */
export class ManualClock implements WallClock {
  constructor(private ms = Date.parse('2026-11-27T01:00:00.000Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const ADMIN_PASSWORD = 'Desk#2026a';
export const NEW_ADMIN_PASSWORD = 'Desk#2027b';

export interface Harness {
  dataDir: string;
  clock: ManualClock;
  backend: Backend;
  events: { name: string; payload: unknown }[];
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    session?: string,
  ): Promise<Result<MethodOutput<M>>>;
  /** Calls and unwraps, failing the test with the error code when the call was refused. */
  ok<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    session?: string,
  ): Promise<MethodOutput<M>>;
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

/** A real backend on a real SQLite file in a fresh temp folder. */
export async function createHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const clock = new ManualClock();
  const events: { name: string; payload: unknown }[] = [];
  const start = () =>
    startBackend({
      dataDir,
      appVersion: '0.0.0-test',
      clock,
      onEvent: (e) => events.push(e),
      log: () => {},
    });
  const harness: Harness = {
    dataDir,
    clock,
    events,
    backend: await start(),
    call: (method, input, session) => harness.backend.call({ method, input, session }) as never,
    async ok(method, input, session) {
      const result = await harness.call(method, input, session);
      if (!result.ok)
        throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async restart() {
      await harness.backend.close();
      harness.backend = await start();
    },
    async cleanup() {
      await harness.backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Runs the wizard as a township terminal and returns an admin session past the forced password change. */
export async function setUpTownship(h: Harness, options: { loadDemoOrgTree?: boolean } = {}) {
  const setup = await h.ok('setup.initialize', {
    level: 'township',
    divisionCode: '330302001',
    orgName: '五马街道便民服务中心',
    terminalName: '一号窗口',
    terminalNumber: '01',
    admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
    loadDemoOrgTree: options.loadDemoOrgTree ?? false,
  });
  const first = await h.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  await h.ok(
    'auth.changePassword',
    { currentPassword: ADMIN_PASSWORD, newPassword: NEW_ADMIN_PASSWORD },
    first.token,
  );
  return { setup, token: first.token };
}
