import type { Transaction } from 'kysely';
import { CASE_SEQUENCE_MAX, formatCaseNumber } from '@shared/domain/cases/case-number';
import { DomainError } from '../../core/errors';
import { requireTerminal } from '../../core/guards';
import type { Runtime } from '../../core/runtime';
import type { Database } from '../../db/schema';
import { findOrgUnit } from '../../org/repository';
import { findTerminal, highestCaseSequence, nextSequence } from '../repository';

/** This terminal as case numbers and printed papers name it. */
export interface Counter {
  orgCode: string;
  orgName: string;
  terminalNumber: string;
  terminalName: string;
}

export async function thisCounter(rt: Runtime): Promise<Counter> {
  const identity = requireTerminal(rt);
  const terminal = await findTerminal(rt.db, identity.terminalId);
  const org = await findOrgUnit(rt.db, identity.orgUnitId);
  if (!org) throw new Error(`terminal org unit missing: ${identity.orgUnitId}`);
  return {
    orgCode: org.code,
    orgName: org.name,
    terminalNumber: terminal.number,
    terminalName: terminal.name,
  };
}

/**
 * The next case number of this terminal for `date` (Asia/Shanghai). The prefix is the terminal's own
 * unit and number, which no other terminal shares, so the number is unique without a network.
 */
export async function nextCaseNumber(
  trx: Transaction<Database>,
  counter: Counter,
  date: string,
): Promise<string> {
  const day = date.replaceAll('-', '');
  const scope = `case:${counter.orgCode}:${counter.terminalNumber}:${day}`;
  // The counter goes back with a restored file; the cases pulled back from the hub do not.
  const onFile = await highestCaseSequence(
    trx,
    `${counter.orgCode}-${counter.terminalNumber}-${day}-`,
  );
  const sequence = await nextSequence(trx, scope, onFile);
  if (sequence > CASE_SEQUENCE_MAX) {
    throw new DomainError(
      'CONFLICT',
      `本终端今日的案件编号已用完（每日 ${CASE_SEQUENCE_MAX} 件），请换用其他终端受理`,
    );
  }
  return formatCaseNumber({
    orgCode: counter.orgCode,
    terminal: counter.terminalNumber,
    date,
    sequence,
  });
}
