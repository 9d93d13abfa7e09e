import { z } from 'zod';
import { method } from '../define';
import { idSchema } from './common';
import { MEDIATION_WRITERS } from './mediation';

/**
 * Everything each paper needs, ready to lay out: labels already in Chinese, dates as 'YYYY-MM-DD'.
 * Fetching a paper is not a print; mediation.recordPrint counts and audits each press of 打印.
 * Only the agreement carries full ID numbers and phones (its art. 29 particulars); fetching it is
 * audited as a view.
 */

const header = {
  title: z.string(),
  committeeName: z.string(),
  caseNo: z.string(),
};

const printedDocumentSchema = z.enum([
  'notice',
  'sessionRecord',
  'agreement',
  'judicialCover',
  'followUp',
]);

const partyLine = z.object({ roleLabel: z.string(), name: z.string() });

const noticePrintSchema = z.object({
  ...header,
  /** The day of registration, when the committee gives the notice: the date by its seal on any reprint. */
  issuedOn: z.string(),
  parties: z.array(partyLine),
  rights: z.array(z.string()),
  duties: z.array(z.string()),
  remarks: z.array(z.string()),
  acknowledgements: z.array(
    partyLine.extend({ acknowledgedOn: z.string().nullable(), methodLabel: z.string().nullable() }),
  ),
});

const sessionRecordPrintSchema = z.object({
  ...header,
  number: z.number().int(),
  heldOn: z.string(),
  place: z.string(),
  mediatorNames: z.array(z.string()),
  recorderName: z.string().nullable(),
  attendees: z.array(z.string()),
  statements: z.array(partyLine.extend({ text: z.string() })),
  agreed: z.boolean(),
  result: z.string().nullable(),
  /** One signature line per party present on the case file. */
  signatureLines: z.array(partyLine),
});

const agreementPartyPrintSchema = z.object({
  roleLabel: z.string(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  genderLabel: z.string().nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  occupation: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  idTypeLabel: z.string().nullable(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  representative: z.string().nullable(),
  agentName: z.string().nullable(),
  agentPhone: z.string().nullable(),
  attorneyDate: z.string().nullable(),
});

const agreementPrintSchema = z.object({
  ...header,
  parties: z.array(agreementPartyPrintSchema),
  facts: z.string(),
  disputedMatters: z.string(),
  responsibilities: z.array(partyLine.extend({ text: z.string() })),
  obligations: z.array(
    z.object({
      /** 第一项, 第二项 … */
      label: z.string(),
      obligorName: z.string(),
      content: z.string(),
      amountFen: z.number().int().nullable(),
      /** 人民币12,000.00元（大写：壹万贰仟元整）. */
      amountText: z.string().nullable(),
      method: z.string(),
      place: z.string(),
      deadline: z.string(),
    }),
  ),
  copies: z.number().int(),
  copiesText: z.string(),
  effectText: z.string(),
  judicialConfirmationText: z.string(),
  signatureLines: z.array(partyLine),
  mediatorNames: z.array(z.string()),
  recorderName: z.string().nullable(),
  sealLine: z.string(),
  agreedOn: z.string(),
});

const judicialCoverPrintSchema = z.object({
  ...header,
  court: z.string().nullable(),
  parties: z.array(partyLine),
  agreedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  lastDay: z.string(),
  daysLeft: z.number().int(),
  materials: z.array(
    z.object({ name: z.string(), copies: z.string(), note: z.string().nullable() }),
  ),
  remarks: z.array(z.string()),
});

const followUpPrintSchema = z.object({
  ...header,
  parties: z.array(partyLine),
  agreedOn: z.string().nullable(),
  obligations: z.array(z.string()),
  dueOn: z.string(),
  visitedOn: z.string().nullable(),
  methodLabel: z.string().nullable(),
  visitorName: z.string().nullable(),
  performanceLabel: z.string().nullable(),
  satisfactionLabel: z.string().nullable(),
  renewedConflict: z.boolean().nullable(),
  note: z.string().nullable(),
});

export const mediationPrintMethods = {
  /** 当事人权利义务告知书 (人民调解法 arts. 23–24). */
  'mediation.printNotice': method({
    input: z.object({ disputeId: idSchema }),
    output: noticePrintSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 调解笔录 of one session, with signature lines. */
  'mediation.printSessionRecord': method({
    input: z.object({ sessionId: idSchema }),
    output: sessionRecordPrintSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 调解协议书 (art. 29); refused with AGREEMENT_INCOMPLETE or, for an oral one, ORAL_AGREEMENT. */
  'mediation.printAgreement': method({
    input: z.object({ disputeId: idSchema }),
    output: agreementPrintSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 司法确认 cover sheet with the materials to bring. */
  'mediation.printJudicialCover': method({
    input: z.object({ disputeId: idSchema }),
    output: judicialCoverPrintSchema,
    access: MEDIATION_WRITERS,
  }),
  /** 回访记录 of one visit (blank fields for a visit still to be made). */
  'mediation.printFollowUp': method({
    input: z.object({ followUpId: idSchema }),
    output: followUpPrintSchema,
    access: MEDIATION_WRITERS,
  }),
  /**
   * One press of 打印 on a paper, reprints too: counted and audited. `id` is the record the paper is
   * of: the session for a 笔录, the visit for a 回访记录, the dispute for the others.
   */
  'mediation.recordPrint': method({
    input: z.object({ document: printedDocumentSchema, id: idSchema }),
    output: z.object({ count: z.number().int() }),
    access: MEDIATION_WRITERS,
  }),
};
