/**
 * What preparing the hub's statements saves a push of 100 changes (db/prepared-statements.ts):
 * two hubs in this process on one throw-away PostgreSQL database, one whose connections prepare the
 * statements that repeat and one that sends each as an unnamed statement, as Kysely does. Each serves
 * a county of its own and pushes rounds of 100 changes (20 residents and 80 cases, one use case
 * each, as bench:push), the two alternating round by round, so that the machine's speed, which
 * moves by a third within the hour, weighs on both alike. Prints, per round and side, the CPU of
 * the PostgreSQL backends serving that hub (/proc, clock ticks summed over the rounds) and of this
 * process (the hub's work, both sides in one process), and the rounds' wall time.
 * Run: npm run bench:hub-prepared [-- --rounds 300 --warm 30]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrate } from '../upstream/src/db/migrate';
import { migrations } from '../upstream/src/db/migrations';
import { preparingPool } from '../upstream/src/db/prepared-statements';
import type { HubDatabase } from '../upstream/src/db/schema';
import { startPostgresCluster, type PostgresCluster } from '../upstream/test/postgres-cluster';
import { syncCounty } from '../upstream/test/sync-county';
import { caseRow, insert, resident } from '../upstream/test/terminal-log';
import { countFlag } from './lib/args';
import { createHubDatabase } from './lib/hub-process';
import { percentile } from './lib/stats';
import { loadFigures, postgresBinariesOrExit } from './lib/machine';

const TICK_MS = 10;

function ticks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime: fields 14 and 15 of stat(5), 12 and 13 after the command's ") ".
  return Number(fields[11]) + Number(fields[12]);
}

function hubDatabase(url: string, name: string, prepared: boolean): Kysely<HubDatabase> {
  // Two connections: a push reads the county's tree outside its transaction when it changed.
  const pool = new pg.Pool({ connectionString: url, max: 2, application_name: name });
  return new Kysely<HubDatabase>({
    dialect: new PostgresDialect({ pool: prepared ? preparingPool(pool) : pool }),
  });
}

async function main(): Promise<void> {
  const rounds = countFlag('rounds', 300);
  const warm = countFlag('warm', 30);
  const bin = postgresBinariesOrExit('bench:hub-prepared');
  console.log(
    `prepared statements, ${new Date().toISOString()}: ${rounds} rounds of 100 a side, load ${loadFigures()}`,
  );
  let cluster: PostgresCluster | null = null;
  const dbs: Kysely<HubDatabase>[] = [];
  try {
    cluster = await startPostgresCluster(bin, { durable: true });
    const url = await createHubDatabase(cluster.url);
    const migrator = hubDatabase(url, 'migrate', false);
    await migrate(migrator, migrations);
    await migrator.destroy();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();

    const sides: {
      label: string;
      county: Awaited<ReturnType<typeof syncCounty>>;
      pids: number[];
      serverTicks: number;
      hubMicros: number;
      wall: number[];
    }[] = [];
    for (const [label, prepared] of [
      ['prepared', true],
      ['unprepared', false],
    ] as const) {
      const db = hubDatabase(url, label, prepared);
      dbs.push(db);
      const county = await syncCounty(db);
      sides.push({
        label,
        county,
        pids: [] as number[],
        serverTicks: 0,
        hubMicros: 0,
        wall: [] as number[],
      });
    }

    // Every resident a document of its own: one the county holds would be merged, another path.
    let documents = 0;
    const push = async (side: (typeof sides)[number]) => {
      const terminal = side.county.window1;
      const entries = [];
      for (let i = 0; i < 20; i += 1) {
        const residentId = crypto.randomUUID();
        entries.push(
          ...terminal.log.tx(
            insert('residents', residentId, {
              ...resident(),
              doc_number: `330302${String((documents += 1)).padStart(12, '0')}`,
            }),
          ),
        );
        for (let j = 0; j < 4; j += 1) {
          entries.push(
            ...terminal.log.tx(insert('cases', crypto.randomUUID(), caseRow(residentId))),
          );
        }
      }
      const answer = await terminal.push(entries);
      if (answer.status !== 200 || answer.body.rejections.length > 0) {
        throw new Error(
          `${side.label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
        );
      }
    };

    for (let round = 0; round < warm; round += 1) for (const side of sides) await push(side);
    for (const side of sides) {
      const { rows } = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
        [side.label],
      );
      side.pids = rows.map((row) => row.pid);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const serverBefore = side.pids.reduce((sum, pid) => sum + ticks(pid), 0);
        const hubBefore = process.cpuUsage();
        const start = performance.now();
        await push(side);
        side.wall.push(performance.now() - start);
        const hub = process.cpuUsage(hubBefore);
        side.hubMicros += hub.user + hub.system;
        side.serverTicks += side.pids.reduce((sum, pid) => sum + ticks(pid), 0) - serverBefore;
      }
    }
    await admin.end();
    for (const side of sides) await side.county.hub.close();
    for (const side of sides) {
      console.log(
        `${side.label.padEnd(10)}: a round of 100: PostgreSQL ${((side.serverTicks * TICK_MS) / rounds).toFixed(2)} ms, ` +
          `hub ${(side.hubMicros / rounds / 1000).toFixed(2)} ms of CPU; wall p50 ` +
          `${percentile(side.wall, 50).toFixed(1)} ms, p99 ${percentile(side.wall, 99).toFixed(1)} ms`,
      );
    }
    console.log(`load ${loadFigures()}`);
  } finally {
    for (const db of dbs) await db.destroy();
    cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
