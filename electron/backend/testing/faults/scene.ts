import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { startCountyHub, type CountyHub } from '../county-hub';
import { createHarness, ManualClock, type Harness } from '../harness';
import { joinHub } from '../hub-terminal';
import { startFaultProxy, type FaultPlan, type FaultProxy } from '../fault-proxy';
import { readEnrolment } from '../../hub/repository';

export const PASS: FaultPlan = () => ({ kind: 'pass' });
/** A partition: nothing this terminal sends reaches the hub. */
export const CUT_ALL: FaultPlan = () => ({ kind: 'cutBefore' });

/** One terminal of the scene, joined through its own fault proxy. */
export interface FaultTerminal {
  name: string;
  h: Harness;
  /** The terminal's wall clock (the harness's own `clock` is not the one it runs on). */
  clock: ManualClock;
  proxy: FaultProxy;
  /** Its first administrator's session (renewed after a restore). */
  session: string;
  username: string;
  unitId: string;
  terminalId: string;
}

export interface TerminalSpec {
  name: string;
  /** Division code of the unit it joins as. */
  division: string;
  /** Wall clock offset from the test's base time (clock skew). */
  skewMs?: number;
}

export interface FaultScene {
  hubDir: string;
  hub: CountyHub;
  county: Harness;
  countyAdmin: string;
  terminals: FaultTerminal[];
  /** Stops the hub and starts it again on the same data (a new port: the proxies follow). */
  restartHub(): Promise<void>;
  close(): Promise<void>;
}

const BASE_TIME = Date.parse('2026-12-01T01:00:00.000Z');

/** The county hub on PGlite, its centre joined directly, and each terminal behind its own proxy. */
export async function startFaultScene(specs: readonly TerminalSpec[]): Promise<FaultScene> {
  const hubDir = mkdtempSync(join(tmpdir(), 'desk-faults-'));
  const dataDir = join(hubDir, 'hub');
  let hub = await startCountyHub(dataDir);
  const county = await createHarness();
  const countyAdmin = await joinHub(county, hub.url, hub.firstCode, {
    terminalName: '县中心一号机',
  });
  const terminals: FaultTerminal[] = [];
  for (const [index, spec] of specs.entries()) {
    const proxy = await startFaultProxy(hub.url, PASS);
    const clock = new ManualClock(BASE_TIME + (spec.skewMs ?? 0));
    const h = await createHarness({ clock });
    const unitId = orgUnitIdFromDivisionCode(spec.division);
    const { code } = await county.ok('hub.issueCode', { orgUnitId: unitId }, countyAdmin);
    const username = `t${index + 1}_admin`;
    const session = await joinHub(h, proxy.url, code, {
      username,
      terminalName: `${spec.name}窗口`,
    });
    const enrolment = await readEnrolment(h.backend.runtime.db);
    if (!enrolment) throw new Error(`${spec.name} did not join`);
    terminals.push({
      name: spec.name,
      h,
      clock,
      proxy,
      session,
      username,
      unitId,
      terminalId: enrolment.terminalId,
    });
  }
  return {
    hubDir,
    get hub() {
      return hub;
    },
    county,
    countyAdmin,
    terminals,
    async restartHub() {
      await hub.stop();
      hub = await startCountyHub(dataDir, { restart: true });
      for (const t of terminals) t.proxy.setTarget(hub.url);
    },
    async close() {
      for (const t of terminals) {
        await t.h.cleanup();
        await t.proxy.close();
      }
      await county.cleanup();
      await hub.stop();
      rmSync(hubDir, { recursive: true, force: true });
    },
  };
}
