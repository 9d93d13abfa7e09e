/**
 * Issue 4's benchmark: dispute search and list pages through the real backend in this process, as
 * the township's supervisor (the township and its villages) and its mediator (the township's
 * committee), each beside the same SQL replayed raw on better-sqlite3. Same targets as issue 3.
 * Run: npm run bench:generate (once), then npm run bench:mediation [-- --data bench/data/township
 *      --runs 200 --seed 1]
 */
import { join } from 'node:path';
import type { MethodInput } from '@shared/api';
import { Random } from './generate/random';
import { anchoredPages } from './lib/anchored';
import { countFlag, flag } from './lib/args';
import { sampleDisputes } from './lib/dispute-samples';
import { Bench, header, LIST_PAGE, SEARCH, summary } from './lib/measure';
import { openBench } from './lib/open-bench';

async function main(): Promise<void> {
  const dataDir = flag('data', join(__dirname, 'data', 'township'));
  const runs = countFlag('runs', 200);
  const random = new Random(countFlag('seed', 1));
  const opened = await openBench(dataDir);
  const { call, tokens, manifest } = opened;
  const samples = sampleDisputes(opened.backend.runtime.sqlite, random, runs);
  const bench = new Bench(opened.backend, 20, flag('only', ''));
  type ListInput = MethodInput<'mediation.list'>;
  const asSupervisor = (input: ListInput) => call('mediation.list', input, tokens.supervisor);
  const asMediator = (input: ListInput) => call('mediation.list', input, tokens.mediator);
  const searchFor = (query: string): ListInput => ({ query, page: 1, pageSize: 20 });
  const pages = (make: () => ListInput) => Array.from({ length: runs }, make);

  console.log(
    `基层一窗通 mediation benchmark: ${manifest.counts.disputeRows.disputes} disputes, ${manifest.counts.disputeRows.parties} parties, ${manifest.counts.disputeRows.sessions} sessions (generated ${manifest.generatedAt}); backend ready in ${(opened.startMs / 1000).toFixed(1)} s, background integrity check done ${(opened.checkMs / 1000).toFixed(1)} s later; ${new Date().toISOString()}`,
  );
  console.log(
    'API: the call through the backend as the supervisor (township and villages) or the mediator (township); raw: the SQL it ran, prepared, on better-sqlite3',
  );
  console.log(header());

  const search = { target: SEARCH, replay: true, call: asSupervisor };
  await bench.measure({
    ...search,
    name: 'dispute search, surname (1 character)',
    inputs: samples.surnames.map(searchFor),
  });
  await bench.measure({
    ...search,
    name: 'dispute search, 2 characters',
    inputs: samples.twos.map(searchFor),
  });
  await bench.measure({
    ...search,
    name: 'dispute search, 3+ characters',
    inputs: samples.threes.map(searchFor),
  });
  await bench.measure({
    ...search,
    name: 'dispute search, part of a case number',
    inputs: samples.caseNumbers.map(searchFor),
  });
  await bench.measure({
    ...search,
    name: 'dispute search, sequence number',
    inputs: samples.sequences.map(searchFor),
  });
  await bench.measure({
    ...search,
    call: asMediator,
    name: 'dispute search, 2 characters (mediator)',
    inputs: samples.twos.map(searchFor),
  });

  const list = { target: LIST_PAGE, replay: true, call: asSupervisor };
  await bench.measure({
    ...list,
    name: 'dispute list, page 1, newest first',
    inputs: pages(() => ({ page: 1, pageSize: 20 })),
  });
  await bench.measure({
    ...list,
    name: 'dispute list, deep page (20–100), newest first',
    inputs: pages(() => ({ page: random.int(20, 100), pageSize: 20 })),
  });
  // A jump straight to page 100 still costs the offset above; 下一页 reads from the page on screen.
  const nextPage = 'dispute list, deep page by 下一页 (anchored)';
  if (nextPage.includes(flag('only', ''))) {
    // Its own samples, so that the measures after it draw the same ones as before it was added.
    const ownRandom = new Random(countFlag('seed', 1) + 1);
    await bench.measure({
      ...list,
      name: nextPage,
      inputs: await anchoredPages(
        pages(() => ({ page: ownRandom.int(20, 100), pageSize: 20 })),
        asSupervisor,
      ),
    });
  }
  await bench.measure({
    ...list,
    name: 'dispute list, page 1, by due date',
    inputs: pages(() => ({ page: 1, pageSize: 20, sortBy: 'dueDate', sortDir: 'asc' })),
  });
  await bench.measure({
    ...list,
    name: 'dispute list, page 1, by case number',
    inputs: pages(() => ({ page: 1, pageSize: 20, sortBy: 'caseNo', sortDir: 'desc' })),
  });
  await bench.measure({
    ...list,
    name: 'dispute list, page 1, state filter',
    inputs: pages(() => ({
      page: 1,
      pageSize: 20,
      states: random.pick([
        ['accepted', 'mediating'],
        ['closed'],
        ['succeeded', 'followed_up'],
      ] as const),
    })),
  });
  await bench.measure({
    ...list,
    call: asMediator,
    name: 'dispute list, page 1 (mediator)',
    inputs: pages(() => ({ page: 1, pageSize: 20 })),
  });

  console.log(summary(bench.results));
  await opened.backend.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
