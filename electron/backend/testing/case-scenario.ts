import type { Kysely } from 'kysely';
import { CHANJIE, NANCHENG } from '@shared/testing/org-units';
import { CLERK } from '@shared/testing/people';
import type { Database } from '../db/schema';
import { createSignedInUser, setUpTownship, type Harness } from './harness';
import { addCase, addItem, addOrgUnit, addResident } from './case-rows';

/** Signs a new user in past the forced password change; returns the session and the user id. */
export { createSignedInUser as addUser };

/** 蝉街社区 under the township, and 南城街道 beside it, outside its scope. */
export async function addVillageAndNeighbour(db: Kysely<Database>, township: string) {
  const village = await addOrgUnit(db, { ...CHANJIE, level: 'village', parentId: township });
  const elsewhere = await addOrgUnit(db, { ...NANCHENG, level: 'township', parentId: null });
  return { village, elsewhere };
}

/**
 * 五马街道 on Friday 2026-11-27 (the harness clock), with a village 蝉街社区 under it and a township
 * outside its scope. Eight cases in scope, newest first D G H B A C E F, and one elsewhere (X):
 * A due today, B due on the next working day (Monday), C overdue, D waiting for 补正 and taken in
 * just after midnight Shanghai time, E completed not yet handed out, F completed late, G handed
 * over by the village agent, H the agent's draft.
 */
export async function caseListScenario(h: Harness) {
  const { setup, token: admin } = await setUpTownship(h);
  const db = h.backend.runtime.db;
  const township = setup.orgUnit.id;
  const { village, elsewhere } = await addVillageAndNeighbour(db, township);
  const clerk = await createSignedInUser(h, admin, CLERK);
  const clerk2 = await createSignedInUser(h, admin, {
    username: 'clerk2',
    displayName: '陈静',
    role: 'clerk',
  });
  const supervisor = await createSignedInUser(h, admin, {
    username: 'boss',
    displayName: '周主任',
    role: 'supervisor',
  });
  const agent = await createSignedInUser(h, admin, {
    username: 'agent1',
    displayName: '蝉街代办员',
    role: 'agent',
    orgUnitId: village,
  });

  const dibao = await addItem(db, township, { code: 'MZ-001', name: '最低生活保障申请' });
  const jiuzhu = await addItem(db, township, { code: 'MZ-002', name: '临时救助申请' });
  const yibao = await addItem(db, township, {
    code: 'YB-001',
    name: '城乡居民基本医疗保险参保登记',
  });
  const zhang = { id: '', name: '张三丰' };
  zhang.id = await addResident(db, township, { name: zhang.name, docNumber: '330302199001011234' });
  const li = { id: '', name: '李四' };
  li.id = await addResident(db, township, { name: li.name, docNumber: '330302198505052345' });
  const wang = { id: '', name: '王五' };
  wang.id = await addResident(db, township, {
    name: wang.name,
    docNumber: 'E12345678',
    docType: 'passport',
  });

  const T = township;
  const ids = {
    F: await addCase(db, {
      caseNo: '330302001-01-20261027-0001',
      orgUnitId: T,
      item: dibao,
      resident: wang,
      state: 'completed',
      createdAt: '2026-10-27T02:00:00.000Z',
      createdBy: clerk2.userId,
      acceptedDate: '2026-10-27',
      dueDate: '2026-11-03',
      completedDate: '2026-11-05',
      handedOutAt: '2026-11-06T02:00:00.000Z',
      history: ['accepted'],
    }),
    E: await addCase(db, {
      caseNo: '330302001-01-20261110-0001',
      orgUnitId: T,
      item: jiuzhu,
      resident: zhang,
      state: 'completed',
      createdAt: '2026-11-10T02:00:00.000Z',
      createdBy: clerk.userId,
      acceptedDate: '2026-11-10',
      dueDate: '2026-11-17',
      completedDate: '2026-11-16',
      history: ['accepted'],
    }),
    C: await addCase(db, {
      caseNo: '330302001-01-20261116-0001',
      orgUnitId: T,
      item: yibao,
      resident: wang,
      state: 'processing',
      createdAt: '2026-11-16T02:00:00.000Z',
      createdBy: clerk2.userId,
      handlerId: clerk2.userId,
      acceptedDate: '2026-11-16',
      dueDate: '2026-11-25',
      history: ['accepted'],
    }),
    A: await addCase(db, {
      caseNo: '330302001-01-20261120-0001',
      orgUnitId: T,
      item: dibao,
      resident: zhang,
      state: 'accepted',
      createdAt: '2026-11-20T02:00:00.000Z',
      createdBy: clerk.userId,
      acceptedDate: '2026-11-20',
      dueDate: '2026-11-27',
    }),
    B: await addCase(db, {
      caseNo: '330302001-01-20261123-0001',
      orgUnitId: T,
      item: jiuzhu,
      resident: li,
      state: 'processing',
      createdAt: '2026-11-23T02:00:00.000Z',
      createdBy: clerk2.userId,
      handlerId: clerk.userId,
      acceptedDate: '2026-11-23',
      dueDate: '2026-11-30',
      history: ['accepted'],
    }),
    H: await addCase(db, {
      caseNo: '330302001001-01-20261125-0001',
      // Agency cases stay owned by the village they came from.
      orgUnitId: village,
      item: yibao,
      resident: li,
      state: 'agency_draft',
      createdAt: '2026-11-25T02:00:00.000Z',
      createdBy: agent.userId,
      channel: 'agency',
      agentUserId: agent.userId,
      agencyOrgId: village,
      handoffDueDate: '2026-11-30',
    }),
    G: await addCase(db, {
      caseNo: '330302001001-01-20261126-0001',
      // Agency cases stay owned by the village they came from.
      orgUnitId: village,
      item: jiuzhu,
      resident: zhang,
      state: 'awaiting_receipt',
      createdAt: '2026-11-26T02:00:00.000Z',
      createdBy: agent.userId,
      channel: 'agency',
      agentUserId: agent.userId,
      agencyOrgId: village,
      handoffDueDate: '2026-12-01',
      handedOverAt: '2026-11-26T06:00:00.000Z',
      history: ['agency_draft'],
    }),
    D: await addCase(db, {
      caseNo: '330302001-01-20261126-0002',
      orgUnitId: T,
      item: dibao,
      resident: li,
      state: 'pending_supplement',
      createdAt: '2026-11-26T16:30:00.000Z',
      createdBy: clerk.userId,
    }),
    X: await addCase(db, {
      caseNo: '330302002-01-20261126-0001',
      orgUnitId: elsewhere,
      item: dibao,
      resident: zhang,
      state: 'accepted',
      createdAt: '2026-11-26T03:00:00.000Z',
      acceptedDate: '2026-11-26',
      dueDate: '2026-11-27',
    }),
  };
  return {
    admin,
    township,
    elsewhere,
    village,
    clerk,
    clerk2,
    supervisor,
    agent,
    items: { dibao, jiuzhu, yibao },
    residents: { zhang, li, wang },
    ids,
  };
}
