import { z } from 'zod';
import { hubUnitSchema } from '@shared/api';
import { hubOrgUnitSchema, orgTreeEditionSchema } from '@shared/sync/hub-contract';
import type { Db } from '../db/queryable';
import { getSettings, putSetting, type SettingKey } from '../settings/service';
import { readAppliedEditions } from './editions';

/** What this terminal keeps of its enrolment, in settings; the token lives in the token store. */
export interface Enrolment {
  hubUrl: string;
  hubName: string;
  terminalId: string;
  terminalNumber: string;
  orgUnit: z.infer<typeof hubUnitSchema>;
  countyCode: string;
  joinedAt: string;
  lastContactAt: string | null;
  revokedAt: string | null;
  /** Read from the applied editions (hub/editions.ts), which the join and the sync cycle record. */
  orgTreeEdition: number | null;
}

/** A join from the wizard, held until its administrator is created (hub.completeSetup). */
export const pendingEnrolmentSchema = z.object({
  hubUrl: z.string(),
  hubName: z.string(),
  terminalId: z.string(),
  terminalNumber: z.string(),
  orgUnit: hubOrgUnitSchema,
  countyCode: z.string(),
  joinedAt: z.string(),
  orgTree: orgTreeEditionSchema.nullable(),
});
export type PendingEnrolment = z.infer<typeof pendingEnrolmentSchema>;

const ENROLMENT_KEYS = [
  'hub_url',
  'hub_name',
  'hub_terminal_id',
  'hub_terminal_number',
  'hub_org_unit',
  'hub_county_code',
  'hub_joined_at',
  'hub_last_contact_at',
  'hub_revoked_at',
] as const satisfies readonly SettingKey[];

export async function readEnrolment(db: Db): Promise<Enrolment | null> {
  const stored = await getSettings(db);
  if (!stored.hub_url || !stored.hub_terminal_id || !stored.hub_org_unit) return null;
  const unit = hubUnitSchema.safeParse(JSON.parse(stored.hub_org_unit));
  if (!unit.success) return null;
  return {
    hubUrl: stored.hub_url,
    hubName: stored.hub_name ?? '',
    terminalId: stored.hub_terminal_id,
    terminalNumber: stored.hub_terminal_number ?? '',
    orgUnit: unit.data,
    countyCode: stored.hub_county_code ?? '',
    joinedAt: stored.hub_joined_at ?? '',
    lastContactAt: stored.hub_last_contact_at || null,
    revokedAt: stored.hub_revoked_at || null,
    orgTreeEdition: (await readAppliedEditions(db)).get('orgTree')?.edition ?? null,
  };
}

export async function writeEnrolment(
  db: Db,
  enrolment: Omit<Enrolment, 'orgTreeEdition'>,
): Promise<void> {
  const values: Record<(typeof ENROLMENT_KEYS)[number], string> = {
    hub_url: enrolment.hubUrl,
    hub_name: enrolment.hubName,
    hub_terminal_id: enrolment.terminalId,
    hub_terminal_number: enrolment.terminalNumber,
    hub_org_unit: JSON.stringify(enrolment.orgUnit),
    hub_county_code: enrolment.countyCode,
    hub_joined_at: enrolment.joinedAt,
    hub_last_contact_at: enrolment.lastContactAt ?? '',
    hub_revoked_at: enrolment.revokedAt ?? '',
  };
  for (const key of ENROLMENT_KEYS) await putSetting(db, key, values[key]);
}

export async function recordContact(db: Db, at: string): Promise<void> {
  await putSetting(db, 'hub_last_contact_at', at);
  await putSetting(db, 'hub_revoked_at', '');
}

export async function recordRevoked(db: Db, at: string): Promise<void> {
  await putSetting(db, 'hub_last_contact_at', at);
  await putSetting(db, 'hub_revoked_at', at);
}

/** The last sync cycle: when it ended and what stopped it (null: nothing). Terminal-local. */
export interface LastSync {
  at: string | null;
  problem: string | null;
}

export async function readLastSync(db: Db): Promise<LastSync> {
  const stored = await getSettings(db);
  return { at: stored.hub_last_sync_at || null, problem: stored.hub_last_sync_problem || null };
}

export async function recordLastSync(db: Db, sync: LastSync): Promise<void> {
  await putSetting(db, 'hub_last_sync_at', sync.at ?? '');
  await putSetting(db, 'hub_last_sync_problem', sync.problem ?? '');
}

export async function readPendingEnrolment(db: Db): Promise<PendingEnrolment | null> {
  const text = (await getSettings(db)).hub_pending_enrolment;
  if (!text) return null;
  const parsed = pendingEnrolmentSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export async function writePendingEnrolment(db: Db, pending: PendingEnrolment): Promise<void> {
  await putSetting(db, 'hub_pending_enrolment', JSON.stringify(pending));
}

export async function clearPendingEnrolment(db: Db): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'hub_pending_enrolment').execute();
}
