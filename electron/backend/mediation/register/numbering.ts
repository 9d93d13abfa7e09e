import type { Transaction } from 'kysely';
import { yearOf } from '@shared/domain/calendar/plain-date';
import {
  formatCaseNumber,
  includesTerminal,
  registeringForNumber,
  orgAbbreviation,
  orgAbbreviationSchema,
} from '@shared/domain/mediation/case-number';
import type { TerminalIdentity } from '../../core/context';
import { DomainError } from '../../core/errors';
import type { Db } from '../../db/queryable';
import type { Database } from '../../db/schema';
import { orgAncestry } from '../dispute/org';
import { findMediationSettings } from '../roster/settings-repository';

type Trx = Transaction<Database>;

interface IssuedNumber {
  caseNo: string;
  year: number;
  terminalNumber: string;
  sequence: number;
}

/** The configured abbreviation, or the one derived from the county's and the unit's names. */
export async function effectiveAbbreviation(
  db: Db,
  orgUnitId: string,
): Promise<{ configured: string | null; effective: string }> {
  const settings = await findMediationSettings(db, orgUnitId);
  const chain = await orgAncestry(db, orgUnitId);
  const unit = chain[0];
  const county = chain.find((org) => org.level === 'county');
  const configured = settings?.abbreviation ?? null;
  if (!unit) return { configured, effective: configured ?? '' };
  const effective =
    unit.level === 'county'
      ? orgAbbreviation(configured, unit.name)
      : orgAbbreviation(configured, county?.name ?? '', unit.name);
  return { configured, effective };
}

/**
 * The next 人调字 number of `orgUnitId` issued by this terminal. The counter is terminal-local
 * (case_sequences); the highest number already on file is consulted too, so that a terminal restored
 * from an older backup, or one that pulled its own cases back from the hub, never issues a number twice.
 */
export async function issueCaseNumber(
  trx: Trx,
  terminal: TerminalIdentity,
  orgUnitId: string,
  today: string,
): Promise<IssuedNumber> {
  const own = await trx
    .selectFrom('terminals as t')
    .innerJoin('org_units as o', 'o.id', 't.org_unit_id')
    .select(['t.number', 't.org_unit_id', 'o.level'])
    .where('t.id', '=', terminal.terminalId)
    .executeTakeFirstOrThrow();
  // The unit's own terminal 01 and a township's terminal 01 registering for it must not share a
  // counter they cannot see each other's use of: the one registering for another unit writes its
  // level before its number (乡01), which no terminal of the unit itself writes.
  const terminalPart =
    own.org_unit_id === orgUnitId ? own.number : registeringForNumber(own.level, own.number);
  const { count } = await trx
    .selectFrom('terminals')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('org_unit_id', '=', orgUnitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  // A terminal registering for another unit (a township's terminal for its village) is one more.
  const terminalCount = Number(count) + (own.org_unit_id === orgUnitId ? 0 : 1);
  const { effective } = await effectiveAbbreviation(trx, orgUnitId);
  if (!orgAbbreviationSchema.safeParse(effective).success) {
    throw new DomainError(
      'CASE_ABBREVIATION_MISSING',
      `无法由单位名称生成案号简称（“${effective}”），请本单位负责人在“调解设置”页面填写案号简称后再登记`,
    );
  }
  const year = yearOf(today);
  const scope = `dispute:${orgUnitId}:${year}:${terminalPart}`;
  const stored = await trx
    .selectFrom('case_sequences')
    .select('last')
    .where('scope', '=', scope)
    .executeTakeFirst();
  const onFile = await trx
    .selectFrom('disputes')
    .select((eb) => eb.fn.max('case_seq').as('highest'))
    .where('registered_org_id', '=', orgUnitId)
    .where('case_year', '=', year)
    .where('case_terminal', '=', terminalPart)
    .executeTakeFirst();
  const sequence = Math.max(stored?.last ?? 0, Number(onFile?.highest ?? 0)) + 1;
  await trx
    .insertInto('case_sequences')
    .values({ scope, last: sequence })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ last: sequence }))
    .execute();
  const caseNo = formatCaseNumber({
    year,
    orgAbbreviation: effective,
    terminalNumber: includesTerminal(terminalPart, terminalCount) ? terminalPart : null,
    sequence,
  });
  return { caseNo, year, terminalNumber: terminalPart, sequence };
}
