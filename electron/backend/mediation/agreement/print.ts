import type { MethodInput, MethodOutput } from '@shared/api';
import {
  FOLLOW_UP_METHOD_LABELS,
  NOTICE_METHOD_LABELS,
  PERFORMANCE_LABELS,
  SATISFACTION_LABELS,
} from '@shared/api/methods/mediation-views';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import { agreementCopies, PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import {
  capitalAmount,
  chineseNumeral,
  yuanFigures,
} from '@shared/domain/mediation/chinese-numbers';
import { judicialConfirmationWindow } from '@shared/domain/mediation/clocks';
import type { Transaction } from 'kysely';
import { appendAudit } from '../../audit/service';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import type { Database, DisputesTable } from '../../db/schema';
import { loadDispute } from '../dispute/access';
import { signedWrittenAgreement } from './aftercare';
import { ensureComplete } from './agreement';
import { agreementDraft, contentOf } from './agreement-draft';
import { agreementOf, findFollowUp } from './agreement-repository';
import { today } from '../dispute/dates';
import { committeeName } from '@shared/domain/paper/wording';
import { orgNames } from '../dispute/org';
import { partiesOf, type PartyRow } from '../register/parties-repository';
import * as text from './print-text';
import { findSession } from '../sessions/sessions-repository';

type PrintedDocument = MethodInput<'mediation.recordPrint'>['document'];

/** A paper ready to lay out, with the dispute and the record its print count belongs to. */
interface Built<P> {
  dispute: DisputesTable;
  objectId: string;
  paper: P;
}

const DOCUMENT_LABELS: Record<PrintedDocument, string> = {
  notice: '当事人权利义务告知书',
  sessionRecord: '调解笔录',
  agreement: '调解协议书（含当事人完整身份信息）',
  judicialCover: '司法确认材料清单',
  followUp: '回访记录',
};

/** Counts the print and audits it in one transaction; answers how many times it has been printed. */
async function recordPrint(
  ctx: CallContext,
  dispute: DisputesTable,
  document: PrintedDocument,
  objectId: string,
): Promise<number> {
  const at = ctx.rt.stamper.nowIso();
  const key = `mediation.${document}`;
  return ctx.rt.db.transaction().execute(async (trx: Transaction<Database>) => {
    await trx
      .insertInto('print_counts')
      .values({ document: key, object_id: objectId, count: 1, last_at: at })
      .onConflict((oc) =>
        oc.columns(['document', 'object_id']).doUpdateSet((eb) => ({
          count: eb('print_counts.count', '+', 1),
          last_at: at,
        })),
      )
      .execute();
    const { count } = await trx
      .selectFrom('print_counts')
      .select('count')
      .where('document', '=', key)
      .where('object_id', '=', objectId)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: 'mediation.print',
      objectType: 'dispute',
      objectId: dispute.id,
      detail: `${dispute.case_no} ${DOCUMENT_LABELS[document]}${count > 1 ? `（第${count}次打印）` : ''}`,
    });
    return count;
  });
}

async function committeeOf(ctx: CallContext, dispute: DisputesTable): Promise<string> {
  const owner = (await orgNames(ctx.rt.db, [dispute.org_unit_id])).get(dispute.org_unit_id);
  return committeeName(owner?.name ?? '');
}

/** 2026年12月10日: dates inside a sentence on paper are written out. */
function paperDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const line = (party: PartyRow) => ({ roleLabel: PARTY_ROLE_LABELS[party.role], name: party.name });

async function buildNotice(
  ctx: CallContext,
  disputeId: string,
): Promise<Built<MethodOutput<'mediation.printNotice'>>> {
  const { row } = await loadDispute(ctx, disputeId, 'write');
  const parties = await partiesOf(ctx.rt.db, row.id);
  const paper = {
    title: text.NOTICE_TITLE,
    committeeName: await committeeOf(ctx, row),
    caseNo: row.case_no,
    issuedOn: row.registered_on,
    parties: parties.map(line),
    rights: text.NOTICE_RIGHTS,
    duties: text.NOTICE_DUTIES,
    remarks: text.NOTICE_REMARKS,
    acknowledgements: parties.map((party) => ({
      ...line(party),
      acknowledgedOn: party.notice_acknowledged_on,
      methodLabel: party.notice_method
        ? NOTICE_METHOD_LABELS[party.notice_method as keyof typeof NOTICE_METHOD_LABELS]
        : null,
    })),
  };
  return { dispute: row, objectId: row.id, paper };
}

async function buildSessionRecord(
  ctx: CallContext,
  sessionId: string,
): Promise<Built<MethodOutput<'mediation.printSessionRecord'>>> {
  const session = await findSession(ctx.rt.db, sessionId);
  if (!session) throw new DomainError('NOT_FOUND', '找不到该次调解记录');
  const { row } = await loadDispute(ctx, session.dispute_id, 'write');
  const parties = await partiesOf(ctx.rt.db, row.id);
  const byId = new Map(parties.map((party) => [party.id, party]));
  const statements = JSON.parse(session.statements) as { partyId: string; text: string }[];
  const paper = {
    title: text.SESSION_TITLE,
    committeeName: await committeeOf(ctx, row),
    caseNo: row.case_no,
    number: session.number,
    heldOn: session.held_on,
    place: session.place,
    mediatorNames: (JSON.parse(session.mediators) as { name: string }[]).map((m) => m.name),
    recorderName: session.recorder_name,
    attendees: JSON.parse(session.attendees) as string[],
    statements: statements.flatMap((statement) => {
      const party = byId.get(statement.partyId);
      return party ? [{ ...line(party), text: statement.text }] : [];
    }),
    agreed: session.agreed === 1,
    result: session.result,
    signatureLines: parties.map(line),
  };
  return { dispute: row, objectId: session.id, paper };
}

function particulars(party: PartyRow) {
  return {
    roleLabel: PARTY_ROLE_LABELS[party.role],
    kind: party.kind,
    name: party.name,
    genderLabel: party.gender ? GENDER_LABELS[party.gender] : null,
    ethnicity: party.ethnicity,
    birthDate: party.birth_date,
    age: party.age,
    occupation: party.occupation,
    phone: party.phone,
    address: party.address,
    idTypeLabel: party.id_type ? DOCUMENT_TYPE_LABELS[party.id_type as DocumentType] : null,
    idNumber: party.id_number,
    creditCode: party.credit_code,
    representative: party.representative,
    agentName: party.agent_name,
    agentPhone: party.agent_phone,
    attorneyDate: party.attorney_date,
  };
}

/** The 调解协议书 of art. 29, complete or refused. */
async function buildAgreement(
  ctx: CallContext,
  disputeId: string,
): Promise<Built<MethodOutput<'mediation.printAgreement'>>> {
  const { row } = await loadDispute(ctx, disputeId, 'write');
  const agreement = await agreementOf(ctx.rt.db, row.id);
  if (!agreement) throw new DomainError('NOT_FOUND', '本案尚未起草调解协议');
  if (agreement.form === 'oral') {
    throw new DomainError('ORAL_AGREEMENT', '口头调解协议由调解员记录在案，不制作调解协议书');
  }
  const parties = await partiesOf(ctx.rt.db, row.id);
  const content = contentOf(agreement);
  ensureComplete(row.case_no, parties, content);
  const byId = new Map(parties.map((party) => [party.id, party]));
  const committee = await committeeOf(ctx, row);
  const copies = agreementCopies(agreementDraft(row.case_no, parties, content));
  const paper = {
    title: text.AGREEMENT_TITLE,
    committeeName: committee,
    caseNo: row.case_no,
    parties: parties.map(particulars),
    facts: content.facts ?? '',
    disputedMatters: content.disputedMatters ?? '',
    responsibilities: parties.map((party) => ({
      ...line(party),
      text: content.responsibilities[party.id] ?? '',
    })),
    obligations: content.obligations.map((obligation, index) => ({
      label: `第${chineseNumeral(index + 1)}项`,
      obligorName: byId.get(obligation.obligorPartyId ?? '')?.name ?? '',
      content: obligation.content,
      amountFen: obligation.amountFen,
      amountText:
        obligation.amountFen === null
          ? null
          : `人民币${yuanFigures(obligation.amountFen)}元（大写：${capitalAmount(obligation.amountFen)}）`,
      method: obligation.method ?? '',
      place: obligation.place ?? '',
      deadline: obligation.deadline ?? '',
    })),
    copies,
    copiesText: text.copiesText(copies),
    effectText: text.AGREEMENT_EFFECT,
    judicialConfirmationText: text.AGREEMENT_JUDICIAL,
    signatureLines: parties.map(line),
    mediatorNames: content.mediators,
    recorderName: agreement.recorder_name,
    sealLine: `${committee}（印章）`,
    agreedOn: content.agreedOn ?? '',
  };
  return { dispute: row, objectId: row.id, paper };
}

async function buildJudicialCover(
  ctx: CallContext,
  disputeId: string,
): Promise<Built<MethodOutput<'mediation.printJudicialCover'>>> {
  const { row } = await loadDispute(ctx, disputeId, 'write');
  const agreement = await signedWrittenAgreement(ctx, row.id);
  const parties = await partiesOf(ctx.rt.db, row.id);
  const window = judicialConfirmationWindow(agreement.effective_on, today(ctx));
  const paper = {
    title: text.JUDICIAL_COVER_TITLE,
    committeeName: await committeeOf(ctx, row),
    caseNo: row.case_no,
    court: agreement.jc_court,
    parties: parties.map(line),
    agreedOn: agreement.agreed_on,
    effectiveOn: agreement.effective_on,
    lastDay: window.lastDay,
    daysLeft: window.daysLeft,
    materials: text.judicialMaterials(
      parties.some((party) => party.agent_name),
      parties.some((party) => party.kind === 'organisation'),
    ),
    remarks: text.JUDICIAL_REMARKS,
  };
  return { dispute: row, objectId: row.id, paper };
}

async function buildFollowUp(
  ctx: CallContext,
  followUpId: string,
): Promise<Built<MethodOutput<'mediation.printFollowUp'>>> {
  const visit = await findFollowUp(ctx.rt.db, followUpId);
  if (!visit) throw new DomainError('NOT_FOUND', '找不到该回访安排');
  const { row } = await loadDispute(ctx, visit.dispute_id, 'write');
  const parties = await partiesOf(ctx.rt.db, row.id);
  const byId = new Map(parties.map((party) => [party.id, party.name]));
  const agreement = await agreementOf(ctx.rt.db, row.id);
  const obligations = agreement ? contentOf(agreement).obligations : [];
  const paper = {
    title: text.FOLLOW_UP_TITLE,
    committeeName: await committeeOf(ctx, row),
    caseNo: row.case_no,
    parties: parties.map(line),
    agreedOn: agreement?.agreed_on ?? null,
    obligations: obligations.map(
      (obligation, index) =>
        `第${chineseNumeral(index + 1)}项：${byId.get(obligation.obligorPartyId ?? '') ?? ''}${obligation.content}${obligation.deadline ? `（${paperDate(obligation.deadline)}前）` : ''}`,
    ),
    dueOn: visit.due_on,
    visitedOn: visit.visited_on,
    methodLabel: visit.method
      ? FOLLOW_UP_METHOD_LABELS[visit.method as keyof typeof FOLLOW_UP_METHOD_LABELS]
      : null,
    visitorName: visit.visitor_name,
    performanceLabel: visit.performance
      ? PERFORMANCE_LABELS[visit.performance as keyof typeof PERFORMANCE_LABELS]
      : null,
    satisfactionLabel: visit.satisfaction
      ? SATISFACTION_LABELS[visit.satisfaction as keyof typeof SATISFACTION_LABELS]
      : null,
    renewedConflict: visit.renewed_conflict === null ? null : visit.renewed_conflict === 1,
    note: visit.note,
  };
  return { dispute: row, objectId: visit.id, paper };
}

const BUILDERS: Record<PrintedDocument, (ctx: CallContext, id: string) => Promise<Built<unknown>>> =
  {
    notice: buildNotice,
    sessionRecord: buildSessionRecord,
    agreement: buildAgreement,
    judicialCover: buildJudicialCover,
    followUp: buildFollowUp,
  };

/**
 * Counts and audits one press of 打印 (reprints too). The paper is built again first, so that only a
 * paper this person may print, and one that can be printed now (a complete agreement), is counted.
 */
export async function recordMediationPrint(
  ctx: CallContext,
  input: MethodInput<'mediation.recordPrint'>,
): Promise<MethodOutput<'mediation.recordPrint'>> {
  const { dispute, objectId } = await BUILDERS[input.document](ctx, input.id);
  return { count: await recordPrint(ctx, dispute, input.document, objectId) };
}

// Opening a print view is not a print: the preview shows the paper, the 打印 button counts it.
export const printNotice = async (ctx: CallContext, disputeId: string) =>
  (await buildNotice(ctx, disputeId)).paper;
export const printSessionRecord = async (ctx: CallContext, sessionId: string) =>
  (await buildSessionRecord(ctx, sessionId)).paper;
export const printJudicialCover = async (ctx: CallContext, disputeId: string) =>
  (await buildJudicialCover(ctx, disputeId)).paper;
export const printFollowUp = async (ctx: CallContext, followUpId: string) =>
  (await buildFollowUp(ctx, followUpId)).paper;

/**
 * The agreement is the one paper that carries the parties' ID numbers and phones whole: showing it,
 * even without printing, is audited (docs/domain.md: full values only on an audited request).
 */
export async function printAgreement(
  ctx: CallContext,
  disputeId: string,
): Promise<MethodOutput<'mediation.printAgreement'>> {
  const { dispute, paper } = await buildAgreement(ctx, disputeId);
  const at = ctx.rt.stamper.nowIso();
  await ctx.rt.db.transaction().execute((trx) =>
    appendAudit(trx, at, ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: 'mediation.viewAgreement',
      objectType: 'dispute',
      objectId: dispute.id,
      detail: `${dispute.case_no} ${DOCUMENT_LABELS.agreement}`,
    }),
  );
  return paper;
}
