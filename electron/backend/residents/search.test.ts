import { CompiledQuery, type RawBuilder } from 'kysely';
import { describe, expect } from 'vitest';
import { countQuery, fulltextRowidsQuery, pageQuery, searchPage } from './search';
import { classifyResidentSearch } from './search-query';
import { rebuildResidentSearchIndexes } from './search-index';
import { idNumber } from '@shared/testing/people';
import { yantouFileTest } from '../testing/residents';

/*
 * One backend for the whole file: the searches only read, and the plans are checked on the same rows.
 */
const people = [
  { name: '王芳', seq: '20', address: '岩头镇岩头村丽水街 8 号', phone: '13800138000' },
  { name: '王芳芳', seq: '21', address: '岩头镇港头村 3 号', phone: '13900139000' },
  { name: '汪方', seq: '22', address: '岩头镇溪南村 5 号', phone: null },
  { name: '李王芳', seq: '23', address: '岩头镇苍坡村 1 号', phone: '0577-67112233' },
  { name: '张三丰', seq: '24', address: '岩头镇芙蓉村 2 号', phone: '13812345678' },
  { name: '单雄信', seq: '25', address: '岩头镇方岙村 7 号', phone: null },
  { name: '欧阳娜娜', seq: '26', address: '岩头镇上美村 9 号', phone: null },
  { name: '陈港生', seq: '27', address: '香港九龙', phone: '+852 1380 0138 000' },
];
/** All born 1990-01-01 in 永嘉县; the two digits make the sequence. */
const idOf = (seq: string) => idNumber(`330324199001011${seq}`);

const test = yantouFileTest
  .extend('names', ({ harness: h, township: { admin } }) => {
    return async (query: string, page = 1, pageSize = 20) => {
      const result = await h.ok('residents.search', { query, page, pageSize }, admin);
      return { names: result.rows.map((row) => row.name), total: result.total };
    };
  })
  .extend('planOf', ({ harness: h }) => {
    return async (query: RawBuilder<unknown>): Promise<string[]> => {
      const compiled = query.compile(h.backend.runtime.db);
      const result = await h.backend.runtime.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
      );
      return result.rows.map((row) => row.detail);
    };
  });

test.beforeAll(async ({ harness: h, township: { admin, org } }) => {
  const village = org('330324108201');
  for (const person of people) {
    await h.ok(
      'residents.create',
      {
        docType: 'resident_id',
        docNumber: idOf(person.seq),
        name: person.name,
        phone: person.phone,
        address: person.address,
        villageOrgId: village,
      },
      admin,
    );
  }
  // Two passports, one number inside the other.
  for (const [docNumber, name] of [
    ['E12345678', 'John Smith'],
    ['XE12345678', 'Mary Smith'],
  ] as const) {
    await h.ok('residents.create', { docType: 'passport', docNumber, name, phone: null }, admin);
  }
}, 60_000);

/** No step of the plan walks the residents table or sorts the rows after reading them all. */
function expectIndexed(plan: string[]) {
  expect(plan.filter((step) => /^SCAN (r|residents)\b/.test(step))).toEqual([]);
  expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
}

describe('residents.search paths', () => {
  test('lists the latest residents for an empty query, paged with the total', async ({ names }) => {
    expect(await names('', 1, 3)).toEqual({
      names: ['Mary Smith', 'John Smith', '陈港生'],
      total: 10,
    });
    expect((await names('', 3, 3)).names).toEqual(['李王芳', '汪方', '王芳芳']);
  });

  test('finds by one character through the name index, as a name prefix', async ({ names }) => {
    expect(await names('王')).toEqual({ names: ['王芳', '王芳芳'], total: 2 });
  });

  test('finds by two characters anywhere in the name or the address, through resident_bigrams', async ({
    names,
  }) => {
    expect(await names('王芳')).toEqual({ names: ['李王芳', '王芳芳', '王芳'], total: 3 });
    expect(await names('港头')).toEqual({ names: ['王芳芳'], total: 1 });
  });

  test('finds by three or more characters through FTS5 trigram', async ({ names }) => {
    expect(await names('王芳芳')).toEqual({ names: ['王芳芳'], total: 1 });
    expect(await names('丽水街')).toEqual({ names: ['王芳'], total: 1 });
    expect(await names('欧阳娜')).toEqual({ names: ['欧阳娜娜'], total: 1 });
    // A double quote is text, not FTS syntax.
    expect(await names('王"芳"')).toEqual({ names: [], total: 0 });
  });

  test('finds by pinyin initials, surname-aware, as a prefix', async ({ names }) => {
    expect(await names('wf')).toEqual({ names: ['王芳', '汪方', '王芳芳'], total: 3 });
    expect(await names('WFF')).toEqual({ names: ['王芳芳'], total: 1 });
    expect(await names('sxx')).toEqual({ names: ['单雄信'], total: 1 });
    expect(await names('john')).toEqual({ names: ['John Smith'], total: 1 });
  });

  test('finds by a whole document number, and by no more of one than its mask shows', async ({
    names,
  }) => {
    const exact = idOf('24');
    expect(classifyResidentSearch(exact)).toEqual({ kind: 'document', text: exact, phone: null });
    expect(await names(exact.toLowerCase())).toEqual({ names: ['张三丰'], total: 1 });
    // The six digits the mask shows (330324********…): every ID of the county.
    expect((await names(exact.slice(0, 6))).total).toBe(8);
    // A seventh digit is the hidden birth year: nothing, whatever it is.
    expect(await names(exact.slice(0, 12))).toEqual({ names: [], total: 0 });
    expect(await names(exact.slice(-6))).toEqual({ names: [], total: 0 });
    expect(await names('E12345678')).toEqual({ names: ['John Smith'], total: 1 });
    expect(await names('e1234567')).toEqual({ names: [], total: 0 });
  });

  test('finds by a whole phone however it was typed, never by part of one', async ({ names }) => {
    expect(await names('138 0013 8000')).toEqual({ names: ['王芳'], total: 1 });
    expect(await names('0577-67112233')).toEqual({ names: ['李王芳'], total: 1 });
    expect(await names('0577-6711')).toEqual({ names: [], total: 0 });
    expect(await names('12345678')).toEqual({ names: [], total: 0 });
  });

  test('pages the visible head of an ID number in the order of its index', async ({ names }) => {
    expect(await names(idOf('24').slice(0, 6), 3, 3)).toEqual({
      names: ['欧阳娜娜', '陈港生'],
      total: 8,
    });
  });

  test('counts up to the cap and says when the total is a lower bound', async ({
    harness: h,
    township: { admin },
  }) => {
    const db = h.backend.runtime.db;
    const search = { kind: 'bigram', text: '王芳' } as const;
    expect(await searchPage(db, search, 20, 0, undefined, 3)).toMatchObject({
      total: 3,
      isLowerBound: false,
    });
    const capped = await searchPage(db, search, 20, 0, undefined, 2);
    expect(capped).toMatchObject({ total: 2, isLowerBound: true });
    expect(capped.rows.map((row) => row.name)).toEqual(['李王芳', '王芳芳', '王芳']);
    const api = await h.ok('residents.search', { query: '王芳' }, admin);
    expect(api).toMatchObject({ total: 3, totalIsLowerBound: false });
  });

  test('refuses one or two digits, which would match nearly everyone', async ({
    harness: h,
    township: { admin },
  }) => {
    const result = await h.call('residents.search', { query: '12' }, admin);
    expect(result.ok ? null : result.error.code).toBe('QUERY_TOO_SHORT');
  });

  test('shows the document number and phone masked', async ({
    harness: h,
    township: { admin },
  }) => {
    const [row] = (await h.ok('residents.search', { query: '张三丰' }, admin)).rows;
    expect(row).toMatchObject({
      docNumberMasked: `330324********${idOf('24').slice(-4)}`,
      phoneMasked: '138****5678',
      villageName: '岩头村',
    });
  });
});

describe('query plans', () => {
  test.for([
    ['two characters', '王芳', 'SEARCH b USING PRIMARY KEY (bigram=?)'],
    ['initials', 'wf', 'SEARCH r USING INDEX residents_live_initials (initials>? AND initials<?)'],
    ['three or more characters', '王芳芳', 'SCAN residents_fts VIRTUAL TABLE INDEX'],
    ['one character', '王', 'SEARCH r USING INDEX residents_live_name (name>? AND name<?)'],
  ] as const)(
    '%s: starts from its index, no scan of residents, no sort',
    async ([, query, first], { planOf }) => {
      const search = classifyResidentSearch(query);
      if (search.kind === 'document') throw new Error('not a name query');
      const plan = await planOf(pageQuery(search, 20, 0));
      expect(plan[0]).toContain(first);
      expectIndexed(plan);
      // The count stays in the same index and reads no resident row.
      const countPlan = await planOf(countQuery(search, 10_000));
      expect(countPlan.filter((step) => /^(SEARCH|SCAN) (?!\(subquery)/.test(step))).toEqual([
        expect.stringContaining(first),
      ]);
    },
  );

  test('the visible head of an ID number: residents_document in its order, no sort', async ({
    planOf,
  }) => {
    const plan = await planOf(pageQuery({ kind: 'idPrefix', prefix: '330324' }, 20, 0));
    expect(plan[0]).toContain('SEARCH r USING INDEX residents_document');
    expectIndexed(plan);
  });

  test('full text: one pass over the index gives the page and the count, in rowid order', async ({
    planOf,
  }) => {
    const plan = await planOf(fulltextRowidsQuery('"330324"', 10_001));
    expect(plan[0]).toContain('SCAN residents_fts VIRTUAL TABLE INDEX');
    expect(plan).toHaveLength(1);
  });

  test('the latest residents: read backwards by rowid, stopping at the page', async ({
    planOf,
  }) => {
    const plan = await planOf(pageQuery({ kind: 'latest' }, 20, 0));
    expect(plan[0]).toBe('SCAN r');
    expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
  });
});

describe('rebuildResidentSearchIndexes', () => {
  test('rebuilds the same bigrams and full-text rows as the incremental maintenance', async ({
    harness: h,
    names,
  }) => {
    const db = h.backend.runtime.db;
    const bigrams = () =>
      db
        .selectFrom('resident_bigrams')
        .selectAll()
        .orderBy('bigram')
        .orderBy('resident_rowid')
        .execute();
    const before = await bigrams();
    const searches = ['王芳', '丽水街', '13800138000', '0577-67112233', '港头村'];
    const found = await Promise.all(searches.map((query) => names(query)));
    await db.transaction().execute((trx) => rebuildResidentSearchIndexes(trx));
    expect(await bigrams()).toEqual(before);
    expect(await Promise.all(searches.map((query) => names(query)))).toEqual(found);
  });
});
