import { describe, expect } from 'vitest';
import { upgradeLegacyId } from '@shared/domain/identity/resident-id';
import { addCase, addResident } from '../../testing/case-rows';
import { fullScans, planProbe } from '../../testing/plan-probe';
import { listCaseRows } from '../list/repository';
import { caseListWith, SCENE_TIMEOUT_MS } from '../../testing/cases';
import { classifyCaseSearch } from './case-search';

/*
 * A clerk holding the applicant's ID card, or told their phone number, types it whole into the case
 * search. The lists show both masked (330302********1234, 138****5678): a part of either must never
 * find a case through the hidden digits.
 */

/** 赵六's case, with an ID number ending in X and a phone, and 钱七's, registered from an old card. */
const test = caseListWith(async (db, s) => {
  const zhaoResident = { id: '', name: '赵六' };
  zhaoResident.id = await addResident(db, s.township, {
    name: zhaoResident.name,
    docNumber: '33030219800202345X',
    phone: '13812345678',
  });
  const zhao = await addCase(db, {
    caseNo: '330302001-01-20261127-0001',
    orgUnitId: s.township,
    item: s.items.yibao,
    resident: zhaoResident,
    state: 'accepted',
    createdAt: '2026-11-27T02:00:00.000Z',
  });
  // Registered from a card issued before 1999, stored as the 18-character number it became.
  const old = { id: '', name: '钱七' };
  old.id = await addResident(db, s.township, {
    name: old.name,
    docNumber: upgradeLegacyId('330302400101123'),
  });
  const legacy = await addCase(db, {
    caseNo: '330302001-01-20261127-0002',
    orgUnitId: s.township,
    item: s.items.dibao,
    resident: old,
    state: 'accepted',
    createdAt: '2026-11-27T03:00:00.000Z',
  });
  return { zhao, legacy };
})
  /** The ids of the cases the clerk (or `token`) finds by `query`, sorted. */
  .extend('found', ({ harness: h, township: s, added: _added }) => {
    return async (query: string, token = s.clerk.token): Promise<string[]> => {
      const page = await h.ok('cases.list', { query, pageSize: 50 }, token);
      return page.rows.map((row) => row.id).sort();
    };
  });

describe('the case search by the applicant', { timeout: SCENE_TIMEOUT_MS }, () => {
  test('finds every case of the holder of a whole ID number the caller may see, x in either case', async ({
    township: s,
    found,
    added: { zhao },
  }) => {
    const zhang = [s.ids.A, s.ids.E, s.ids.G].sort();
    expect(await found('330302199001011234')).toEqual(zhang);
    expect(await found(' 3303 0219 9001 0112 34 ')).toEqual(zhang);
    expect(await found('33030219800202345x')).toEqual([zhao]);
    expect(await found('３３０３０２１９８００２０２３４５Ｘ')).toEqual([zhao]);
  });

  test('stays in the caller’s units: the village agent sees the case it handed over, not the township’s', async ({
    township: s,
    found,
  }) => {
    expect(await found('330302199001011234', s.agent.token)).toEqual([s.ids.G]);
  });

  test('finds by a passport number and by a whole phone, as typed with spaces or dashes', async ({
    township: s,
    found,
    added: { zhao },
  }) => {
    // 王五 holds the passport; the scenario took in two of his cases.
    const wang = await found('E12345678');
    expect(wang).toContain(s.ids.F);
    expect(await found('e12345678')).toEqual(wang);
    expect(await found('13812345678')).toEqual([zhao]);
    expect(await found('138-1234-5678')).toEqual([zhao]);
    expect(await found('+86 138 1234 5678')).toEqual([zhao]);
  });

  test('finds a resident registered from a 15-digit card by that number', async ({
    found,
    added: { legacy },
  }) => {
    expect(await found('330302400101123')).toEqual([legacy]);
  });

  test('never matches a part of a number: the birth date, the masked middle, the visible ends', async ({
    found,
    added: { zhao },
  }) => {
    for (const part of [
      '19800202', // the birth date the mask hides
      '198002023', // more of it
      '3303021980', // the start and the year
      '0202345X',
      '33030219800202345', // all but the check character
      '12345678', // a phone without its start
      '1381234567', // a phone without its end
      '1234',
    ]) {
      expect(await found(part), part).not.toContain(zhao);
    }
  });

  test('still finds a case by its number', async ({ found, added: { zhao } }) => {
    expect(await found('20261127-0001')).toEqual([zhao]);
  });

  test('reads the holders on the residents’ document and phone indexes, and their cases on cases_resident', async () => {
    const probe = await planProbe();
    try {
      const scope = { orgIds: ['township'], userId: 'clerk', foreignOwners: [] };
      for (const query of ['33030219800202345X', '330302400101123', 'E12345678', '13812345678']) {
        const filter = { search: classifyCaseSearch(query), states: [] };
        await listCaseRows(probe.db, filter, scope, { by: 'createdAt', dir: 'desc' }, 20, 0);
        const plans = await probe.plans();
        for (const plan of plans) expect(fullScans(plan.lines), plan.sql).toEqual([]);
        const lines = plans.flatMap((plan) => plan.lines).join('\n');
        expect(lines).toMatch(/SEARCH r USING INDEX residents_(document|phone)/);
        expect(lines).toMatch(/SEARCH k USING (COVERING )?INDEX cases_resident/);
      }
    } finally {
      await probe.close();
    }
  });
});
