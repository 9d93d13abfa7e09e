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
 * How fresh a terminal's recorded last contact is kept. Every terminal polls once a minute, and
 * writing the time on each request would make every poll a write (and a WAL flush) for a column the
 * county reads as "when was it last seen". Five minutes, not one: polls a minute apart are now and
 * then a few milliseconds short of a minute, which would still have written every other poll.
 */
export const LAST_CONTACT_RESOLUTION_MS = 5 * 60_000;

/**
 * The terminal a bearer token belongs to, with its org unit, in one statement. A revoked one is told
 * so in words it can show. The contact (and the app version the terminal says it runs) is written
 * when it is older than LAST_CONTACT_RESOLUTION_MS or the version changed.
 */
export async function authenticate(
  db: Db,
  countyCode: string,
  token: string,
  appVersion: string | undefined,
  now: Date,
): Promise<Caller> {
  const row = await db
    .selectFrom('terminals as t')
    .innerJoin('org_units as u', (join) =>
      join.onRef('u.county_code', '=', 't.county_code').onRef('u.id', '=', 't.org_unit_id'),
    )
    .select([
      't.id',
      't.terminal_number',
      't.app_version',
      't.enrolled_at',
      't.last_contact_at',
      't.revoked_at',
      'u.id as unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'u.level as unit_level',
      'u.parent_id as unit_parent_id',
    ])
    .where('t.county_code', '=', countyCode)
    .where('t.token_hash', '=', secretHash(token))
    .executeTakeFirst();
  if (!row) throw new HubFailure('UNAUTHENTICATED');
  if (row.revoked_at !== null) throw new HubFailure('TERMINAL_REVOKED');
  const version = appVersion?.slice(0, 40);
  const stale = now.getTime() - row.last_contact_at.getTime() >= LAST_CONTACT_RESOLUTION_MS;
  if (stale || (version !== undefined && version !== row.app_version)) {
    await db
      .updateTable('terminals')
      .set({ last_contact_at: now, ...(version ? { app_version: version } : {}) })
      .where('county_code', '=', countyCode)
      .where('id', '=', row.id)
      .execute();
  }
  return {
    terminalId: row.id,
    orgUnit: {
      id: row.unit_id,
      code: row.unit_code,
      name: row.unit_name,
      level: row.unit_level,
      parentId: row.unit_parent_id,
    },
    terminalNumber: row.terminal_number,
    enrolledAt: row.enrolled_at,
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
  const flags = await latestClockFlags(db, countyCode);
  return terminals.map((row) => ({
    ...toHubTerminal(row, byId.get(row.org_unit_id)!),
    clockAhead: flags.get(row.id) ?? null,
  }));
}

/**
 * Each terminal's latest version far ahead of the hub's clock, for the county centre's
 * administrator: the one who can have that PC's clock set right.
 */
async function latestClockFlags(
  db: Db,
  countyCode: string,
): Promise<Map<string, { aheadMs: number; flaggedAt: string }>> {
  const rows = await db
    .selectFrom('sync_clock_flags')
    .distinctOn('terminal_id')
    .select(['terminal_id', 'ahead_ms', 'flagged_at'])
    .where('county_code', '=', countyCode)
    .orderBy('terminal_id')
    .orderBy('flagged_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  return new Map(
    rows.map((row) => [
      row.terminal_id,
      { aheadMs: Number(row.ahead_ms), flaggedAt: row.flagged_at.toISOString() },
    ]),
  );
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
