import type { MethodInput, Role } from '@shared/api';
import { serviceCatalogueFileSchema } from '@shared/domain/catalogue/service-item';
import { CHENGDONG, DONGCHENG, WANGJIANG, YONGJIA_AREA } from '@shared/testing/org-units';
import { CLERK, PHONES, residentIdNumber } from '@shared/testing/people';
import shipped from '../../../resources/service-catalogue.json';
import { newSyncColumns, type ChangeStamp } from '../core/changes';
import { ANONYMOUS } from '../core/context';
import { requireTerminal } from '../core/guards';
import {
  createSignedInUser,
  setUpDemoTownship as setUpDemoTownshipWithAdmin,
  type Harness,
} from './harness';

/**
 * Test data for the case workflow. Items come from the shipped catalogue (taken as they are when
 * setup already loaded them); residents are written straight into the table, as the residents
 * service would have left them, so that these tests do not depend on its checks.
 */

const catalogue = serviceCatalogueFileSchema.parse(shipped);

function fixtureStamp(h: Harness): ChangeStamp {
  const rt = h.backend.runtime;
  return { stamper: rt.stamper, terminal: requireTerminal(rt), actor: ANONYMOUS };
}

/** 东城街道 of the demo tree, so that its villages exist; an admin session past the password change. */
export async function setUpDemoTownship(h: Harness) {
  const { admin, unit } = await setUpDemoTownshipWithAdmin(h);
  return {
    admin,
    townshipId: unit(DONGCHENG.divisionCode).id,
    /** 城东社区 and 望江社区, two villages of the township. */
    villageId: unit(CHENGDONG.code).id,
    otherVillageId: unit(WANGJIANG.code).id,
  };
}

/** A signed-in user past the forced password change. */
export async function signInAs(
  h: Harness,
  admin: string,
  user: { username: string; displayName: string; role: Role; orgUnitId?: string },
): Promise<string> {
  return (await createSignedInUser(h, admin, user)).token;
}

/** The item with this code in the shipped catalogue, loaded unless setup already did. */
export async function ensureItem(h: Harness, code: string): Promise<string> {
  const { db } = h.backend.runtime;
  const existing = await db
    .selectFrom('service_items')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (existing) return existing.id;
  const item = catalogue.items.find((candidate) => candidate.code === code);
  if (!item) throw new Error(`no item ${code} in resources/service-catalogue.json`);
  const stamp = fixtureStamp(h);
  const orgUnitId = stamp.terminal.orgUnitId;
  const itemColumns = newSyncColumns(stamp, orgUnitId);
  const versionColumns = newSyncColumns(stamp, orgUnitId);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('service_items')
      .values({
        ...itemColumns,
        code: item.code,
        current_version_id: versionColumns.id,
        active: 1,
        name: item.name,
        category: item.category,
        initials: item.code.toLowerCase(),
      })
      .execute();
    await trx
      .insertInto('service_item_versions')
      .values({
        ...versionColumns,
        item_id: itemColumns.id,
        number: 1,
        name: item.name,
        category: item.category,
        department: item.department,
        type: item.type,
        promised_days: item.promisedDays,
        statutory_days: item.statutoryDays,
        fee_fen: item.feeFen,
        agency_allowed: item.agencyAllowed ? 1 : 0,
        basis: item.basis,
        materials: JSON.stringify(item.materials),
      })
      .execute();
  });
  return itemColumns.id;
}

/** A resident with a valid GB 11643 number born 1956-03-08; `serial` tells residents apart. */
export async function addResident(
  h: Harness,
  resident: { name: string; serial: number; villageOrgId?: string; phone?: string },
): Promise<{ id: string; docNumber: string }> {
  const docNumber = residentIdNumber(YONGJIA_AREA, '1956-03-08', resident.serial);
  const stamp = fixtureStamp(h);
  const columns = newSyncColumns(stamp, stamp.terminal.orgUnitId);
  await h.backend.runtime.db
    .insertInto('residents')
    .values({
      ...columns,
      doc_type: 'resident_id',
      doc_number: docNumber,
      name: resident.name,
      gender: resident.serial % 2 === 1 ? 'male' : 'female',
      birth_date: '1956-03-08',
      phone: resident.phone ?? PHONES.resident,
      address: '永嘉县东城街道城东路 8 号',
      village_org_id: resident.villageOrgId ?? null,
      ethnicity: null,
      initials: '',
    })
    .execute();
  return { id: columns.id, docNumber };
}

/**
 * Moves the clock to an instant and lets the given sessions carry on: a clerk who comes back the
 * next day signs in again, which renewing the session stands for.
 */
export function moveClockTo(h: Harness, iso: string, sessions: readonly string[]): void {
  h.clock.advance(Date.parse(iso) - h.clock.now());
  for (const token of sessions) h.backend.runtime.sessions.renew(token);
}

/** Setup and sign-ins hash passwords with scrypt, several of them per test; slow on a busy machine. */
export const SETUP_TIMEOUT_MS = 60_000;

type Checks = MethodInput<'cases.intake'>['materials'];

/**
 * 城乡居民养老保险待遇领取 (承诺件, 5 working days): 0 身份证, 1 户口簿, 2 申请表, 3 社保卡或银行账户
 * (all required), 4 授权委托书 and 5 受托人身份证 (required when someone else applies).
 */
export const PENSION = 'ZJ-XZ-0003';
/** The resident applies in person: the two materials of an authorised applicant do not apply. */
export const IN_PERSON: Checks = [
  { position: 4, status: 'not_applicable' },
  { position: 5, status: 'not_applicable' },
];
export const COMPLETE: Checks = [
  ...[0, 1, 2, 3].map((position) => ({ position, status: 'received' as const })),
  ...IN_PERSON,
];

export function received(...positions: number[]): Checks {
  return positions.map((position) => ({ position, status: 'received' }));
}

/** Every material of the pension item received, the authorised applicant's two included. */
export const ALL_RECEIVED: Checks = received(0, 1, 2, 3, 4, 5);

/**
 * A township counter at 09:30 on Tuesday 2025-09-30 in Shanghai, the last working day before the
 * National Day holiday: a clerk, a supervisor, the pension item and one resident.
 */
export async function counterScene(h: Harness) {
  moveClockTo(h, '2025-09-30T01:30:00.000Z', []);
  const { admin } = await setUpDemoTownship(h);
  const clerk = await signInAs(h, admin, CLERK);
  const supervisor = await signInAs(h, admin, {
    username: 'chief',
    displayName: '陈主任',
    role: 'supervisor',
  });
  const itemId = await ensureItem(h, PENSION);
  const { id: residentId } = await addResident(h, { name: '李阿婆', serial: 22 });
  return { admin, clerk, supervisor, itemId, residentId };
}
