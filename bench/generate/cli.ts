/**
 * Builds the benchmark database: ten years of 瓯北街道 (永嘉县), by default 300 000 residents,
 * 1 000 000 cases and 20 000 disputes, then opens it through the real backend as the app would.
 * Run: npm run bench:generate [-- --data bench/data/township --residents 300k --cases 1m
 *      --disputes 20k --seed 1] (or --scale 20: 1/20 of each count)
 */
import { join } from 'node:path';
import { countFlag, flag } from '../lib/args';
import { openBench } from '../lib/open-bench';
import { generate } from './generate';
import { sizesFromFlags } from './sizes';

async function main(): Promise<void> {
  const dataDir = flag('data', join(__dirname, '..', 'data', 'township'));
  const { residents, cases, disputes } = sizesFromFlags();
  const manifest = await generate({
    dataDir,
    residents,
    cases,
    disputes,
    seed: countFlag('seed', 1),
    nowMs: Date.now(),
    log: (line) => console.log(line),
  });
  console.log(
    `generated in ${manifest.seconds.total} s: ${(manifest.databaseBytes / 2 ** 30).toFixed(2)} GiB in ${dataDir}`,
  );
  const bench = await openBench(dataDir);
  const audit = await bench.call('audit.verify', {}, bench.tokens.admin);
  const list = await bench.call('cases.list', { page: 1, pageSize: 20 }, bench.tokens.clerk);
  console.log(
    `first start through the backend (integrity check, daily backup): ${(bench.startMs / 1000).toFixed(1)} s; audit chain ${audit.ok ? 'intact' : 'BROKEN'}; case list total ${list.total}`,
  );
  await bench.backend.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
