/**
 * Issue 3's benchmark: resident and case search, case list pages and an intake save, through the
 * real backend in this process (dispatch, zod, access checks, a clerk's session), each beside the
 * same SQL replayed raw on better-sqlite3.
 * Run: npm run bench:generate (once), then npm run bench:applications [-- --data bench/data/township
 *      --runs 200 --seed 1]
 */
import { join } from 'node:path';
import type { MethodInput } from '@shared/api';
import { Random } from './generate/random';
import { anchoredPages } from './lib/anchored';
import { sampleApplications } from './lib/application-samples';
import { countFlag, flag } from './lib/args';
import { Bench, header, LIST_PAGE, SAVE, SEARCH, summary } from './lib/measure';
import { openBench } from './lib/open-bench';
import { villageAgent } from './lib/village-agent';

async function main(): Promise<void> {
  const dataDir = flag('data', join(__dirname, 'data', 'township'));
  const runs = countFlag('runs', 200);
  const random = new Random(countFlag('seed', 1));
  const opened = await openBench(dataDir);
  const { call, tokens, manifest } = opened;
  const samples = sampleApplications(opened.backend.runtime.sqlite, random, runs);
  const bench = new Bench(opened.backend, 20, flag('only', ''));
  const residents = (query: string) =>
    call('residents.search', { query, page: 1, pageSize: 20 }, tokens.clerk);
  const cases = (input: MethodInput<'cases.list'>) => call('cases.list', input, tokens.clerk);
  const pages = (make: () => MethodInput<'cases.list'>) => Array.from({ length: runs }, make);

  console.log(
    `基层一窗通 applications benchmark: ${manifest.counts.residents} residents, ${manifest.counts.cases} cases (generated ${manifest.generatedAt}); backend ready in ${(opened.startMs / 1000).toFixed(1)} s, background integrity check done ${(opened.checkMs / 1000).toFixed(1)} s later; ${new Date().toISOString()}`,
  );
  console.log(
    'API: the call through the backend as the clerk; raw: the SQL it ran, prepared, on better-sqlite3',
  );
  console.log(header());

  const search = { target: SEARCH, replay: true };
  await bench.measure({
    ...search,
    name: 'resident search, 2 characters',
    inputs: samples.residentTwo,
    call: residents,
  });
  await bench.measure({
    ...search,
    name: 'resident search, common 2-character full name',
    inputs: samples.commonFullNames,
    call: residents,
  });
  await bench.measure({
    ...search,
    name: 'resident search, 3+ characters',
    inputs: samples.residentThree,
    call: residents,
  });
  await bench.measure({
    ...search,
    name: 'resident search, pinyin initials',
    inputs: samples.residentInitials,
    call: residents,
  });
  await bench.measure({
    ...search,
    name: 'resident search, whole ID number',
    inputs: samples.idNumbers,
    call: residents,
  });
  await bench.measure({
    ...search,
    name: 'resident search, whole phone',
    inputs: samples.wholePhones,
    call: residents,
  });
  // Issue 11: a village agent's searches are limited to its village and the residents it filed for.
  const agent = await villageAgent(opened);
  const agentResidents = (query: string) =>
    call('residents.search', { query, page: 1, pageSize: 20 }, agent);
  await bench.measure({
    ...search,
    name: 'resident search, 2 characters, village agent',
    inputs: samples.residentTwo,
    call: agentResidents,
  });
  await bench.measure({
    target: LIST_PAGE,
    replay: true,
    name: 'resident list, page 1, village agent',
    inputs: Array.from({ length: runs }, () => ''),
    call: agentResidents,
  });

  const caseSearch = (query: string) => cases({ query, page: 1, pageSize: 20 });
  await bench.measure({
    ...search,
    name: 'case search, 2 characters',
    inputs: samples.caseTwo,
    call: caseSearch,
  });
  // Uniform samples of the register rarely draw the names clerks type most; these are those names.
  await bench.measure({
    ...search,
    name: 'case search, common 2-character full name',
    inputs: samples.commonFullNames,
    call: caseSearch,
  });
  await bench.measure({
    ...search,
    name: 'case search, common given name',
    inputs: samples.commonGivenNames,
    call: caseSearch,
  });
  await bench.measure({
    ...search,
    name: 'case search, 3+ characters',
    inputs: samples.caseThree,
    call: caseSearch,
  });
  await bench.measure({
    ...search,
    name: 'case search, pinyin initials',
    inputs: samples.caseInitials,
    call: caseSearch,
  });
  await bench.measure({
    ...search,
    name: 'case search, partial case number',
    inputs: samples.caseNumbers,
    call: caseSearch,
  });

  const list = { target: LIST_PAGE, replay: true, call: cases };
  await bench.measure({
    ...list,
    name: 'case list, page 1, newest first',
    inputs: pages(() => ({ page: 1, pageSize: 20 })),
  });
  await bench.measure({
    ...list,
    name: 'case list, deep page (200–1000), newest first',
    inputs: pages(() => ({ page: random.int(200, 1000), pageSize: 20 })),
  });
  // A jump straight to page 500 still costs the offset above; 下一页 reads from the page on screen.
  const nextPage = 'case list, deep page by 下一页 (anchored)';
  if (nextPage.includes(flag('only', ''))) {
    // Its own samples, so that the measures after it draw the same ones as before it was added.
    const ownRandom = new Random(countFlag('seed', 1) + 1);
    await bench.measure({
      ...list,
      name: nextPage,
      inputs: await anchoredPages(
        pages(() => ({ page: ownRandom.int(200, 1000), pageSize: 20 })),
        cases,
      ),
    });
  }
  await bench.measure({
    ...list,
    name: 'case list, page 1, by due date',
    inputs: pages(() => ({ page: 1, pageSize: 20, sortBy: 'dueDate', sortDir: 'asc' })),
  });
  await bench.measure({
    ...list,
    name: 'case list, page 1, by case number',
    inputs: pages(() => ({ page: 1, pageSize: 20, sortBy: 'caseNo', sortDir: 'desc' })),
  });
  await bench.measure({
    ...list,
    name: 'case list, page 1, state filter',
    inputs: pages(() => ({
      page: 1,
      pageSize: 20,
      states: random.pick([
        ['accepted', 'processing'],
        ['pending_supplement'],
        ['completed'],
      ] as const),
    })),
  });

  await bench.measure({
    name: 'intake save (cases.intake, synchronous=FULL)',
    target: SAVE,
    replay: false,
    inputs: samples.intakes,
    call: (input) => call('cases.intake', input, tokens.clerk),
  });

  console.log(summary(bench.results));
  await opened.backend.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
