import type { Selectable } from 'kysely';
import type { HubOrgUnit, HubTerminal } from '@shared/sync/hub-contract';
import type { TerminalsTable } from './db/schema';
import { HubFailure } from './failure';
import { findOrgUnitById, toHubOrgUnit, type Db } from './org-units';
import { secretHash } from './secrets';

export interface Caller {
  terminalId: string;
  orgUnit: HubOrgUnit;
  terminalNumber: string;
  enrolledAt: Date;
}

/**
 * The terminal a bearer token belongs to. A revoked one is told so in words it can show; every
 * accepted request records the contact (and the app version the terminal says it runs).
 */
export async function authenticate(
  db: Db,
  countyCode: string,
  token: string,
  appVersion: string | undefined,
  now: Date,
): Promise<Caller> {
  const terminal = await db
    .selectFrom('terminals')
    .selectAll()
    .where('county_code', '=', countyCode)
    .where('token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!terminal) throw new HubFailure('UNAUTHENTICATED');
  if (terminal.revoked_at !== null) throw new HubFailure('TERMINAL_REVOKED');
  await db
    .updateTable('terminals')
    .set({
      last_contact_at: now,
      ...(appVersion ? { app_version: appVersion.slice(0, 40) } : {}),
    })
    .where('county_code', '=', countyCode)
    .where('id', '=', terminal.id)
    .execute();
  const unit = await findOrgUnitById(db, countyCode, terminal.org_unit_id);
  return {
    terminalId: terminal.id,
    orgUnit: toHubOrgUnit(unit!),
    terminalNumber: terminal.terminal_number,
    enrolledAt: terminal.enrolled_at,
  };
}

/** County-admin endpoints: only a terminal of the county centre itself may call them. */
export function requireCountyCentre(caller: Caller, countyCode: string): void {
  if (caller.orgUnit.level !== 'county' || caller.orgUnit.code !== countyCode) {
    throw new HubFailure('FORBIDDEN');
  }
}

function toHubTerminal(row: Selectable<TerminalsTable>, unit: HubOrgUnit): HubTerminal {
  return {
    terminalId: row.id,
    terminalNumber: row.terminal_number,
    orgUnit: unit,
    appVersion: row.app_version,
    hostname: row.hostname,
    enrolledAt: row.enrolled_at.toISOString(),
    lastContactAt: row.last_contact_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export async function listTerminals(db: Db, countyCode: string): Promise<HubTerminal[]> {
  const [terminals, units] = await Promise.all([
    db
      .selectFrom('terminals')
      .selectAll()
      .where('county_code', '=', countyCode)
      .orderBy('org_unit_id')
      .orderBy('terminal_number')
      .execute(),
    db.selectFrom('org_units').selectAll().where('county_code', '=', countyCode).execute(),
  ]);
  const byId = new Map(units.map((unit) => [unit.id, toHubOrgUnit(unit)]));
  return terminals.map((row) => toHubTerminal(row, byId.get(row.org_unit_id)!));
}

/** Revokes a terminal's token for good; a revoked terminal rejoins with a new code. */
export async function revokeTerminal(
  db: Db,
  countyCode: string,
  terminalId: string,
  caller: Caller,
  now: Date,
): Promise<HubTerminal> {
  if (terminalId === caller.terminalId) throw new HubFailure('CANNOT_REVOKE_SELF');
  const row = await db
    .updateTable('terminals')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
    .where('county_code', '=', countyCode)
    .where('id', '=', terminalId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new HubFailure('NOT_FOUND', '县级平台上没有这台终端');
  const unit = await findOrgUnitById(db, countyCode, row.org_unit_id);
  return toHubTerminal(row, toHubOrgUnit(unit!));
}
