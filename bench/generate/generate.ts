import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { addDays, addMonths, shanghaiDate } from '@shared/domain/calendar/plain-date';
import { DATABASE_FILE } from '../../electron/backend/app/open-runtime';
import {
  appendAudit,
  loadOrCreateAuditKeyFile,
  registerAuditKey,
} from '../../electron/backend/audit/service';
import { loadCalendar } from '../../electron/backend/calendar/service';
import { writeCases, type CaseCounts } from './cases';
import { writeDesks } from './desks';
import { writeDisputes, type DisputeCounts } from './disputes';
import { kyselyForLoad, tuneForLoad, withoutIndexes } from './load-connection';
import { WorkingDays } from './office-time';
import { Random } from './random';
import { writeResidents } from './residents';
import { BENCH_PASSWORD, setUpTerminal } from './setup';
import { Stamps } from './stamps';

interface GenerateOptions {
  dataDir: string;
  residents: number;
  cases: number;
  disputes: number;
  seed: number;
  /** The generation's "now": later steps of a story have not happened yet. */
  nowMs: number;
  log: (line: string) => void;
}

/** What the bench reads back: who to sign in as, and what was made. */
export interface Manifest {
  generatedAt: string;
  options: { residents: number; cases: number; disputes: number; seed: number };
  password: string;
  users: { admin: string; clerk: string; supervisor: string; mediator: string };
  counts: { residents: number } & CaseCounts & { disputeRows: DisputeCounts };
  seconds: Record<string, number>;
  databaseBytes: number;
}

export const MANIFEST_FILE = 'bench-manifest.json';

/** Wall seconds, and the CPU seconds of this process: on a shared machine the two differ a lot. */
function timer() {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const lap = () => Math.round((performance.now() - started) / 100) / 10;
  lap.cpu = () => {
    const used = process.cpuUsage(cpu);
    return Math.round((used.user + used.system) / 100_000) / 10;
  };
  return lap;
}

/**
 * Builds a terminal's database of ten years at a large township: set up through the backend's own
 * first-run path, then residents, cases and disputes written in large transactions with prepared
 * statements, and indexed by the app's own search-index functions.
 */
export async function generate(options: GenerateOptions): Promise<Manifest> {
  const file = join(options.dataDir, DATABASE_FILE);
  if (existsSync(file)) {
    throw new Error(`${file} exists: remove the folder or choose another --data`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  const total = timer();
  const seconds: Record<string, number> = {};
  const random = new Random(options.seed);
  const stamps = new Stamps(random);
  const today = shanghaiDate(options.nowMs);
  const firstDay = addDays(addMonths(today, -120), 1);
  const installedMs = Date.parse(`${firstDay}T00:00:00.000Z`);

  let lap = timer();
  const terminal = await setUpTerminal(options.dataDir, { now: () => installedMs }, random);
  seconds.setup = lap();
  options.log(`setup through the backend: ${seconds.setup} s (CPU ${lap.cpu()} s)`);

  const sqlite = new BetterSqlite3(file);
  // The audit entry below is signed like the backend's: setUpTerminal created the folder's key file.
  registerAuditKey(sqlite, loadOrCreateAuditKeyFile(options.dataDir));
  tuneForLoad(sqlite);
  const db = kyselyForLoad(sqlite);
  try {
    const calendar = await loadCalendar(db);
    const desks = writeDesks(sqlite, stamps, terminal, installedMs);

    lap = timer();
    const register = await writeResidents(sqlite, db, random, stamps, terminal, {
      count: options.residents,
      firstMs: installedMs,
      nowMs: options.nowMs,
      today,
    });
    seconds.residents = lap();
    options.log(
      `${options.residents} residents with their search indexes: ${seconds.residents} s (CPU ${lap.cpu()} s)`,
    );

    lap = timer();
    const dropped = withoutIndexes(sqlite, ['cases', 'case_materials', 'case_events']);
    const world = {
      days: new WorkingDays(calendar),
      nowMs: options.nowMs,
      township: terminal.township,
      windows: desks.cases.windows,
    };
    const caseCounts = await writeCases(sqlite, db, random, stamps, world, desks.cases, register, {
      total: options.cases,
      firstDay,
      lastDay: today,
      progress: (done) => {
        if (done % 100_000 === 0) options.log(`  ${done} cases (${lap()} s, CPU ${lap.cpu()} s)`);
      },
    });
    dropped.restore();
    seconds.cases = lap();
    options.log(
      `${caseCounts.cases} cases, ${caseCounts.materials} checklist rows, ${caseCounts.events} timeline entries: ${seconds.cases} s (CPU ${lap.cpu()} s)`,
    );

    lap = timer();
    const disputeCounts = await writeDisputes(
      sqlite,
      db,
      random,
      stamps,
      calendar,
      desks.committees,
      register,
      { total: options.disputes, firstDay, lastDay: today, nowMs: options.nowMs },
    );
    seconds.disputes = lap();
    options.log(
      `${disputeCounts.disputes} disputes, ${disputeCounts.parties} parties, ${disputeCounts.sessions} sessions: ${seconds.disputes} s (CPU ${lap.cpu()} s)`,
    );

    await db.transaction().execute((trx) =>
      appendAudit(
        trx,
        new Date(options.nowMs).toISOString(),
        {
          userId: terminal.admin.id,
          username: 'admin',
          role: 'admin',
          orgUnitId: terminal.township.id,
        },
        terminal.terminalId,
        {
          action: 'bench.generate',
          objectType: 'org_unit',
          objectId: terminal.township.id,
          detail: `基准测试数据：群众 ${options.residents}，案件 ${caseCounts.cases}，纠纷 ${disputeCounts.disputes}`,
        },
      ),
    );
    sqlite.pragma('journal_mode = WAL');
    seconds.total = total();
    const manifest: Manifest = {
      generatedAt: new Date(options.nowMs).toISOString(),
      options: {
        residents: options.residents,
        cases: options.cases,
        disputes: options.disputes,
        seed: options.seed,
      },
      password: BENCH_PASSWORD,
      users: {
        admin: 'admin',
        clerk: terminal.clerks[0]!.username,
        supervisor: terminal.supervisor.username,
        mediator: terminal.mediator.username,
      },
      counts: { residents: options.residents, ...caseCounts, disputeRows: disputeCounts },
      seconds,
      databaseBytes: statSync(file).size,
    };
    writeFileSync(join(options.dataDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await db.destroy();
  }
}
