import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { residentIdNumber } from '@shared/testing/people';
import { startCountyHub, type CountyHub } from '../county-hub';
import { startFaultProxy } from '../fault-proxy';
import { createHarness, type Harness } from '../harness';
import { joinHub } from '../hub-terminal';
import { startProcessTerminal, type ProcessTerminal } from './process-terminal';
import { PASS, type TerminalSpec } from './scene';

/** The hub on PGlite, its centre in this process, and each terminal a serve.js process of its own. */
export interface KillScene {
  hubDir: string;
  readonly hub: CountyHub;
  county: Harness;
  terminals: ProcessTerminal[];
  /** Stops the hub and starts it on the same data (a new port: the proxies follow). */
  restartHub(): Promise<void>;
  close(): Promise<void>;
}

export async function startKillScene(specs: readonly TerminalSpec[]): Promise<KillScene> {
  const hubDir = mkdtempSync(join(tmpdir(), 'desk-kill-'));
  const dataDir = join(hubDir, 'hub');
  let hub = await startCountyHub(dataDir);
  const county = await createHarness();
  const terminals: ProcessTerminal[] = [];
  const scene: KillScene = {
    hubDir,
    get hub() {
      return hub;
    },
    county,
    terminals,
    async restartHub() {
      await hub.stop();
      hub = await startCountyHub(dataDir, { restart: true });
      for (const t of terminals) t.proxy.setTarget(hub.url);
    },
    async close() {
      for (const t of terminals) {
        await t.stop();
        await t.proxy.close();
      }
      await county.cleanup();
      await hub.stop();
      rmSync(hubDir, { recursive: true, force: true });
    },
  };
  try {
    const countyAdmin = await joinHub(county, hub.url, hub.firstCode, {
      terminalName: '县中心一号机',
    });
    for (const [index, spec] of specs.entries()) {
      const proxy = await startFaultProxy(hub.url, PASS);
      const { code } = await county.ok(
        'hub.issueCode',
        { orgUnitId: orgUnitIdFromDivisionCode(spec.division) },
        countyAdmin,
      );
      terminals.push(
        await startProcessTerminal({
          name: spec.name,
          dataDir: join(hubDir, `terminal-${index + 1}`),
          proxy,
          division: spec.division,
          code,
          username: `k${index + 1}_admin`,
        }),
      );
    }
  } catch (error) {
    await scene.close();
    throw error;
  }
  return scene;
}

/** 永嘉县's area code: the residents' ID numbers are valid ones of the demo county. */
const AREA = '330324';
const DAY_MS = 24 * 3600 * 1000;
let created = 0;

/** `count` new residents at the terminal, a few requests at a time, each with its own ID number. */
export async function createResidents(t: ProcessTerminal, count: number): Promise<void> {
  const one = async () => {
    created += 1;
    const n = created;
    const birth = new Date(Date.UTC(1950, 0, 1) + n * DAY_MS).toISOString().slice(0, 10);
    await t.ok(
      'residents.create',
      {
        name: `居民${n}`,
        docType: 'resident_id',
        docNumber: residentIdNumber(AREA, birth, 1 + (n % 998)),
        address: `岩头镇测试路 ${n} 号`,
        confirmNotDuplicate: true,
      },
      t.session,
    );
  };
  for (let done = 0; done < count; done += 4)
    await Promise.all(Array.from({ length: Math.min(4, count - done) }, one));
}

/**
 * Presses 立即同步 until `killed` settles (the test's plan kills the process on its way), since a
 * cycle already running when the plan was set may end without meeting it; throws after `limit`.
 */
export async function syncUntilKilled(
  t: ProcessTerminal,
  killed: Promise<unknown>,
  limit = 20,
): Promise<void> {
  let done = false;
  void killed.then(() => {
    done = true;
  });
  for (let attempt = 0; attempt < limit && !done; attempt += 1) {
    await t.call('hub.syncNow', {}, t.session).catch(() => null);
    await Promise.race([killed, new Promise((resume) => setTimeout(resume, 200))]);
  }
  if (!done) throw new Error(`${t.name} was not killed after ${limit} syncs`);
  await killed;
}

/**
 * Presses 立即同步 at every terminal in turn until a round where none had anything waiting, before or
 * after its sync, none pulled anything and every cycle ended well; answers the rounds taken.
 */
export async function syncUntilQuiet(
  terminals: readonly ProcessTerminal[],
  maxRounds = 8,
): Promise<number> {
  let last = '';
  for (let round = 1; round <= maxRounds; round += 1) {
    let quiet = true;
    const states: string[] = [];
    for (const t of terminals) {
      const before = await t.ok('sync.status', {}, t.session);
      const started = Date.now();
      const cycle = await t.ok('hub.syncNow', {}, t.session);
      const took = Date.now() - started;
      const pulled = await t.ok('hub.pullProgress', {}, t.session);
      const status = await t.ok('sync.status', {}, t.session);
      states.push(
        `${t.name}: waiting ${before.waiting} → ${status.waiting}, problems ${status.problems}, pulled ${pulled.applied}, held ${pulled.held}, ${cycle.problem ?? 'ok'} (${took} ms)`,
      );
      if (cycle.problem || pulled.applied > 0 || before.waiting > 0 || status.waiting > 0)
        quiet = false;
    }
    last = states.join('; ');
    if (quiet) return round;
  }
  throw new Error(`not quiet after ${maxRounds} rounds: ${last}`);
}
