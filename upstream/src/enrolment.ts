import { randomUUID } from 'node:crypto';
import {
  formatEnrolmentCode,
  type EnrolRequest,
  type EnrolResponse,
  type IssueEnrolmentCodeResponse,
} from '@shared/sync/hub-contract';
import { HubFailure } from './failure';
import { countyName, findOrgUnitByCode, toHubOrgUnit, type Db } from './org-units';
import { newEnrolmentCode, newToken, secretHash } from './secrets';

/** Long enough to carry a code from the county office to a township, short enough to be worthless later. */
export const ENROLMENT_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Two digits go into case numbers. */
const MAX_TERMINAL_NUMBER = 99;

export async function issueEnrolmentCode(
  db: Db,
  countyCode: string,
  orgUnitCode: string,
  issuedBy: string | null,
  now: Date,
): Promise<IssueEnrolmentCodeResponse> {
  const unit = await findOrgUnitByCode(db, countyCode, orgUnitCode);
  if (!unit) throw new HubFailure('ORG_UNIT_UNKNOWN');
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_LIFETIME_MS);
  await db
    .insertInto('enrolment_codes')
    .values({
      county_code: countyCode,
      code_hash: secretHash(code),
      org_unit_id: unit.id,
      issued_by_terminal_id: issuedBy,
      issued_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return {
    code: formatEnrolmentCode(code),
    expiresAt: expiresAt.toISOString(),
    orgUnit: toHubOrgUnit(unit),
  };
}

/** Whether the county has any terminal yet: until it does, the hub prints a code at start. */
export async function hasEnrolledTerminal(db: Db, countyCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('terminals')
    .select('id')
    .where('county_code', '=', countyCode)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Trades a one-time code for a terminal record and its token, in one transaction: the code is
 * claimed by a conditional update, so two terminals racing with one code get one enrolment and one
 * ENROLMENT_CODE_USED. The terminal number is the unit's next, under a lock on the unit's row.
 */
export async function enrol(
  db: Db,
  countyCode: string,
  request: Omit<EnrolRequest, 'code'> & { code: string },
  now: Date,
): Promise<EnrolResponse> {
  const codeHash = secretHash(request.code);
  const terminalId = randomUUID();
  const token = newToken();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now, used_by_terminal_id: terminalId })
      .where('county_code', '=', countyCode)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('org_unit_id')
      .executeTakeFirst();
    if (!claimed) {
      const code = await trx
        .selectFrom('enrolment_codes')
        .select(['used_at', 'expires_at'])
        .where('county_code', '=', countyCode)
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (!code) throw new HubFailure('ENROLMENT_CODE_UNKNOWN');
      if (code.used_at !== null) throw new HubFailure('ENROLMENT_CODE_USED');
      throw new HubFailure('ENROLMENT_CODE_EXPIRED');
    }
    const unit = await trx
      .selectFrom('org_units')
      .selectAll()
      .where('county_code', '=', countyCode)
      .where('id', '=', claimed.org_unit_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const highest = await trx
      .selectFrom('terminals')
      .select((eb) => eb.fn.max('terminal_number').as('number'))
      .where('county_code', '=', countyCode)
      .where('org_unit_id', '=', unit.id)
      .executeTakeFirst();
    const next = Number(highest?.number ?? '0') + 1;
    if (next > MAX_TERMINAL_NUMBER) throw new HubFailure('TERMINAL_NUMBERS_EXHAUSTED');
    const terminalNumber = String(next).padStart(2, '0');
    await trx
      .insertInto('terminals')
      .values({
        county_code: countyCode,
        id: terminalId,
        org_unit_id: unit.id,
        terminal_number: terminalNumber,
        app_version: request.appVersion,
        hostname: request.hostname ?? null,
        token_hash: secretHash(token),
        enrolled_at: now,
        last_contact_at: now,
      })
      .execute();
    return {
      terminalId,
      terminalNumber,
      orgUnit: toHubOrgUnit(unit),
      countyCode,
      token,
      hubName: hubName(await countyName(trx, countyCode)),
    };
  });
}

export function hubName(county: string): string {
  return `${county}基层一窗通县级平台`;
}
