/**
 * Rebuilding the search indexes (备份与恢复 → 重建搜索索引) at ten years of a large township: how long
 * the terminal refuses other requests, how long the event loop is held at a time (status polls must be
 * answered so that the window shows the rebuild running), and that every search finds what it found
 * before. It rewrites the FTS5 indexes of the data folder it is given, with the same content.
 * Run: npm run bench:generate (once), then npm run bench:search-index [-- --data bench/data/township]
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { flag } from './lib/args';
import { openBench } from './lib/open-bench';

const QUERIES = ['张伟', '王秀英', '医疗保险', 'zxy', '0017'];

async function main(): Promise<void> {
  const dataDir = flag('data', join(__dirname, 'data', 'township'));
  const bench = await openBench(dataDir);
  const { admin, clerk, mediator } = bench.tokens;
  const totals = async () => {
    const found: Record<string, number> = {};
    for (const query of QUERIES) {
      found[`cases ${query}`] = (await bench.call('cases.list', { query }, clerk)).total;
      found[`residents ${query}`] = (await bench.call('residents.search', { query }, clerk)).total;
      found[`disputes ${query}`] = (await bench.call('mediation.list', { query }, mediator)).total;
    }
    return found;
  };
  const before = await totals();

  const delay = monitorEventLoopDelay({ resolution: 5 });
  const statusMs: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const asked = performance.now();
      const status = await bench.backend.call({ method: 'system.status', input: {} });
      statusMs.push(performance.now() - asked);
      if (!status.ok) throw new Error(`system.status refused during the rebuild`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  delay.enable();
  const rebuilt = await bench.call('searchIndex.rebuild', {}, admin);
  delay.disable();
  running = false;
  await poll;

  const after = await totals();
  const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
  console.log(
    `rebuilt: ${rebuilt.residents} residents, ${rebuilt.cases} cases, ${rebuilt.disputes} disputes`,
  );
  console.log(`rebuild: ${(rebuilt.durationMs / 1000).toFixed(1)} s`);
  console.log(`event loop held at most: ${(delay.max / 1e6).toFixed(1)} ms`);
  console.log(
    `system.status during the rebuild: ${statusMs.length} calls, slowest ${Math.max(...statusMs).toFixed(1)} ms`,
  );
  console.log(
    changed.length === 0
      ? `searches after the rebuild: the same totals (${Object.keys(before).length} queries)`
      : `searches whose totals changed: ${changed.map((key) => `${key} ${before[key]} → ${after[key]}`).join('; ')}`,
  );
  await bench.backend.close();
  if (changed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
