import { residentIdNumber } from '@shared/testing/people';
import { pullRecords } from '../../hub/pull/pull';
import type { FaultTerminal } from './scene';

/** 永嘉县's area code: the residents' ID numbers are valid ones of the demo county. */
const AREA = '330324';
let created = 0;

/** A new resident at the terminal; a different valid ID number each time in the process. */
export async function createResident(t: FaultTerminal, random: () => number): Promise<void> {
  created += 1;
  const birth = `19${50 + (created % 50)}-0${1 + (created % 9)}-1${created % 10}`;
  await t.h.ok(
    'residents.create',
    {
      name: `居民${created}`,
      docType: 'resident_id',
      docNumber: residentIdNumber(AREA, birth, 1 + Math.floor(random() * 998)),
      address: `岩头镇测试路 ${created} 号`,
      confirmNotDuplicate: true,
    },
    t.session,
  );
}

interface ResidentRow {
  id: string;
  name: string;
  address: string | null;
  village_org_id: string | null;
  ethnicity: string | null;
}

/** A new phone number for a resident this terminal holds (its own or pulled); false when none. */
export async function updatePhone(t: FaultTerminal, random: () => number): Promise<boolean> {
  const rows = t.h.backend.runtime.sqlite
    .prepare(
      'SELECT id, name, address, village_org_id, ethnicity FROM residents WHERE deleted_at IS NULL',
    )
    .all() as ResidentRow[];
  const row = rows[Math.floor(random() * rows.length)];
  if (!row) return false;
  await t.h.ok(
    'residents.update',
    {
      residentId: row.id,
      name: row.name,
      address: row.address,
      villageOrgId: row.village_org_id,
      ethnicity: row.ethnicity,
      phone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    },
    t.session,
  );
  return true;
}

export interface SyncOutcome {
  ok: boolean;
  pulled: number;
  problem: string | null;
}

/**
 * 立即同步 as a supervisor presses it, then the record pull (the cycle does not run it yet on every
 * branch; when it does, the second pull finds nothing and costs one request).
 */
export async function syncOnce(t: FaultTerminal): Promise<SyncOutcome> {
  const cycle = await t.h.call('hub.syncNow', {}, t.session);
  let pulled = 0;
  let problem = cycle.ok ? null : `${cycle.error.code} ${cycle.error.message}`;
  try {
    const pull = await pullRecords(t.h.backend.runtime);
    pulled = pull.applied;
    problem ??= pull.problem;
  } catch (error) {
    problem ??= String(error);
  }
  return { ok: problem === null, pulled, problem };
}

/**
 * Syncs every terminal in turn until a round where none had anything waiting, before or after its
 * sync, and none pulled anything; answers the rounds taken, or throws with the last status when `maxRounds` did not do.
 */
export async function syncUntilQuiet(
  terminals: readonly FaultTerminal[],
  maxRounds = 8,
): Promise<number> {
  let last = '';
  for (let round = 1; round <= maxRounds; round += 1) {
    let quiet = true;
    const states: string[] = [];
    for (const t of terminals) {
      // What a terminal pushes in this round reaches the ones synced before it only in the next.
      const before = await t.h.ok('sync.status', {}, t.session);
      const outcome = await syncOnce(t);
      const status = await t.h.ok('sync.status', {}, t.session);
      states.push(
        `${t.name}: waiting ${before.waiting} → ${status.waiting}, problems ${status.problems}, pulled ${outcome.pulled}, ${outcome.problem ?? 'ok'}`,
      );
      if (!outcome.ok || outcome.pulled > 0 || before.waiting > 0 || status.waiting > 0)
        quiet = false;
    }
    last = states.join('; ');
    if (quiet) return round;
  }
  throw new Error(`not quiet after ${maxRounds} rounds: ${last}`);
}
