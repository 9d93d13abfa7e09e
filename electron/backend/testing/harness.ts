import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Result, Role } from '@shared/api';
import { DONGCHENG, WUMA } from '@shared/testing/org-units';
import { startBackend, type Backend, type BackendOptions } from '../app/backend';
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
  /** Calls and answers the refusal's error code, or 'OK' when the call went through. */
  code<M extends MethodName>(method: M, input: MethodInput<M>, session?: string): Promise<string>;
  /** Closes and starts again; `whileClosed` runs in between (a file swapped while the app is off). */
  restart(whileClosed?: () => void): Promise<void>;
  cleanup(): Promise<void>;
}

/** A real backend on a real SQLite file in a fresh temp folder (or `options.dataDir`). */
export async function createHarness(options: Partial<BackendOptions> = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'desk-test-'));
  const clock = new ManualClock();
  const events: { name: string; payload: unknown }[] = [];
  const start = () =>
    startBackend({
      dataDir,
      appVersion: '0.0.0-test',
      clock,
      onEvent: (e) => events.push(e),
      log: () => {},
      ...options,
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
    async code(method, input, session) {
      const result = await harness.call(method, input, session);
      return result.ok ? 'OK' : result.error.code;
    },
    async restart(whileClosed) {
      await harness.backend.close();
      whileClosed?.();
      harness.backend = await start();
    },
    async cleanup() {
      await harness.backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Runs the wizard, signs the admin in and has him change his password once (the tests use both). */
async function initializeAsAdmin(h: Harness, input: MethodInput<'setup.initialize'>) {
  const setup = await h.ok('setup.initialize', input);
  const first = await h.ok('auth.signIn', { username: 'admin', password: ADMIN_PASSWORD });
  await h.ok(
    'auth.changePassword',
    { currentPassword: ADMIN_PASSWORD, newPassword: NEW_ADMIN_PASSWORD },
    first.token,
  );
  return { setup, token: first.token };
}

/** Runs the wizard as a township terminal and returns an admin session. */
export async function setUpTownship(h: Harness, options: { loadDemoOrgTree?: boolean } = {}) {
  return initializeAsAdmin(h, {
    level: 'township',
    divisionCode: WUMA.divisionCode,
    orgName: WUMA.centre,
    terminalName: '一号窗口',
    terminalNumber: '01',
    admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
    loadDemoOrgTree: options.loadDemoOrgTree ?? false,
  });
}

/**
 * 东城街道 (330324001) of the demo tree of 永嘉县, so that its county and villages exist, with an
 * admin session; `unit` finds an org unit of the tree by its division code. `divisionCode` sets up
 * another township of the tree instead.
 */
export async function setUpDemoTownship(
  h: Harness,
  names: { orgName: string; terminalName: string } = {
    orgName: DONGCHENG.centre,
    terminalName: '一号窗口',
  },
  divisionCode: string = DONGCHENG.divisionCode,
) {
  const { token } = await initializeAsAdmin(h, {
    level: 'township',
    divisionCode,
    ...names,
    terminalNumber: '01',
    admin: { username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD },
    loadDemoOrgTree: true,
  });
  const units = await h.ok('orgUnits.list', {}, token);
  const unit = (code: string) => {
    const found = units.find((candidate) => candidate.code === code);
    if (!found) throw new Error(`no org unit ${code}`);
    return found;
  };
  return { admin: token, unit };
}

/** Creates a user and signs them in past the forced password change. */
export async function createSignedInUser(
  h: Harness,
  admin: string,
  user: { username: string; displayName: string; role: Role; orgUnitId?: string },
): Promise<{ token: string; userId: string }> {
  const created = await h.ok('users.create', { ...user, initialPassword: ADMIN_PASSWORD }, admin);
  const first = await h.ok('auth.signIn', { username: user.username, password: ADMIN_PASSWORD });
  await h.ok(
    'auth.changePassword',
    { currentPassword: ADMIN_PASSWORD, newPassword: NEW_ADMIN_PASSWORD },
    first.token,
  );
  return { token: first.token, userId: created.id };
}
