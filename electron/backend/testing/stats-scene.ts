import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { addCase, addItem, addResident } from './case-rows';
import { addVillageAndNeighbour } from './case-scenario';

/**
 * November 2026 at 五马街道: five cases — two completed on time, one completed late after a 补正,
 * one 不予受理, one waiting for 补正 (taken in at 00:30 on the 27th, Shanghai time) — two of them
 * filed by the village 蝉街社区, one of those handed over late; four ratings, two of them bad.
 * Outside: a case at 23:59 on 31 October (Shanghai), a case of another township, an October rating.
 */
export async function novemberAtWuma(db: Kysely<Database>, townshipId: string) {
  const T = townshipId;
  const { village, elsewhere } = await addVillageAndNeighbour(db, T);
  const jiuzhu = await addItem(db, T, { code: 'MZ-002', name: '临时救助申请' });
  const dibao = await addItem(db, T, { code: 'MZ-001', name: '最低生活保障申请' });
  const resident = { id: '', name: '张三丰' };
  resident.id = await addResident(db, T, { name: resident.name, docNumber: '330302199001011234' });
  const base = { orgUnitId: T, resident };

  const onTime1 = await addCase(db, {
    ...base,
    caseNo: '330302001001-01-20261102-0001',
    item: jiuzhu,
    state: 'completed',
    createdAt: '2026-11-02T02:00:00.000Z',
    channel: 'agency',
    agencyOrgId: village,
    handoffDueDate: '2026-11-03',
    // 00:00 on the 4th in Shanghai: a day late.
    handedOverAt: '2026-11-03T16:00:00.000Z',
    acceptedDate: '2026-11-04',
    dueDate: '2026-11-10',
    completedDate: '2026-11-09',
    history: ['agency_draft', 'awaiting_receipt', 'accepted'],
  });
  const onTime2 = await addCase(db, {
    ...base,
    caseNo: '330302001001-01-20261104-0001',
    item: jiuzhu,
    state: 'completed',
    createdAt: '2026-11-04T02:00:00.000Z',
    channel: 'agency',
    agencyOrgId: village,
    handoffDueDate: '2026-11-06',
    // 23:59 on the 6th in Shanghai: still in time.
    handedOverAt: '2026-11-06T15:59:00.000Z',
    acceptedDate: '2026-11-07',
    dueDate: '2026-11-12',
    completedDate: '2026-11-12',
    history: ['agency_draft', 'awaiting_receipt', 'accepted'],
  });
  const late = await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261105-0001',
    item: dibao,
    state: 'completed',
    createdAt: '2026-11-05T02:00:00.000Z',
    acceptedDate: '2026-11-06',
    dueDate: '2026-11-13',
    completedDate: '2026-11-16',
    history: ['pending_supplement', 'accepted'],
  });
  const rejected = await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261106-0001',
    item: dibao,
    state: 'rejected',
    createdAt: '2026-11-06T02:00:00.000Z',
  });
  await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261127-0001',
    item: dibao,
    state: 'pending_supplement',
    createdAt: '2026-11-26T16:30:00.000Z',
  });
  const october = await addCase(db, {
    ...base,
    caseNo: '330302001-01-20261031-0001',
    item: dibao,
    state: 'accepted',
    createdAt: '2026-10-31T15:59:59.999Z',
    acceptedDate: '2026-10-31',
    dueDate: '2026-11-06',
  });
  await addCase(db, {
    ...base,
    orgUnitId: elsewhere,
    caseNo: '330302002-01-20261110-0001',
    item: dibao,
    state: 'rejected',
    createdAt: '2026-11-10T02:00:00.000Z',
  });

  // October's bad rating lies outside the month; its follow-up does not matter here.
  const ratings: [string, string, string, string, 'open' | 'done' | null, boolean][] = [
    ['rating-0', onTime1, 'very_satisfied', '2026-11-09T05:00:00.000Z', null, false],
    ['rating-1', onTime2, 'satisfied', '2026-11-12T05:00:00.000Z', null, false],
    ['rating-2', late, 'very_dissatisfied', '2026-11-16T05:00:00.000Z', 'done', true],
    ['rating-3', rejected, 'dissatisfied', '2026-11-06T05:00:00.000Z', 'open', true],
    ['rating-october', october, 'very_dissatisfied', '2026-10-31T15:00:00.000Z', null, true],
  ];
  for (const [id, caseId, level, ratedAt, followup, bad] of ratings) {
    const sync = {
      org_unit_id: T,
      created_at: ratedAt,
      created_by: null,
      updated_at: ratedAt,
      updated_by: null,
      origin_terminal_id: 'terminal-test',
      version: 'v',
      deleted_at: null,
    };
    await db
      .insertInto('ratings')
      .values({
        ...sync,
        id,
        case_id: caseId,
        level,
        comment: null,
        rated_at: ratedAt,
        bad: bad ? 1 : 0,
      })
      .execute();
    if (followup) {
      await db
        .insertInto('rating_followups')
        .values({
          ...sync,
          id: id.replace('rating', 'followup'),
          rating_id: id,
          case_id: caseId,
          due_date: '2026-12-07',
          state: followup,
          callback_at: null,
          callback_by: null,
          callback_note: null,
          rectification: null,
        })
        .execute();
    }
  }
  return { village, items: { jiuzhu: jiuzhu.itemId, dibao: dibao.itemId } };
}
