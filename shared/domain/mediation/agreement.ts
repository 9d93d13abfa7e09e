import { z } from 'zod';
import { isoDateSchema } from '../calendar/plain-date';
import { documentTypeSchema } from '../identity/documents';

/**
 * The mediation agreement (调解协议书) as a draft that may be incomplete while it is written, and the
 * check of what 人民调解法 art. 29 and practice require before it is printed for signing. An oral
 * agreement (art. 28) is recorded by the mediator: the parties, what was agreed, the mediator and the
 * date; it has no copies because nothing is handed out.
 */

/** Generous for a facts section, yet bounded: input is untrusted until parsed. */
const MAX_TEXT = 5000;
const text = z.string().trim().max(MAX_TEXT).optional();

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export const partyRoleSchema = z.enum(PARTY_ROLES);
export type PartyRole = z.infer<typeof partyRoleSchema>;
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
};

/**
 * Residents without a mainland ID card are parties too (docs/domain.md, resident ID numbers); the same
 * document types as the resident register, so that a party linked to a resident keeps its document.
 */
const idTypeSchema = documentTypeSchema;

const personPartySchema = z.object({
  kind: z.literal('person'),
  id: z.string().min(1),
  role: partyRoleSchema,
  name: text,
  gender: z.enum(['male', 'female']).nullable().optional(),
  ethnicity: text,
  birthDate: isoDateSchema.nullable().optional(),
  age: z.number().int().min(0).max(150).nullable().optional(),
  occupation: text,
  phone: text,
  address: text,
  idType: idTypeSchema.nullable().optional(),
  idNumber: text,
});

const organisationPartySchema = z.object({
  kind: z.literal('organisation'),
  id: z.string().min(1),
  role: partyRoleSchema,
  name: text,
  creditCode: text,
  legalRepresentative: text,
  address: text,
  phone: text,
});

const agreementPartySchema = z.discriminatedUnion('kind', [
  personPartySchema,
  organisationPartySchema,
]);
export type AgreementParty = z.infer<typeof agreementPartySchema>;

/** Numbered by position on paper (第一项, 第二项 …), so the number is not stored and cannot drift. */
const obligationSchema = z.object({
  obligorPartyId: z.string().nullable().optional(),
  content: text,
  amountFen: z.number().int().nonnegative().nullable().optional(),
  method: text,
  place: text,
  deadline: isoDateSchema.nullable().optional(),
});

export const agreementDraftSchema = z.object({
  form: z.enum(['written', 'oral']),
  caseNumber: text,
  parties: z.array(agreementPartySchema),
  facts: text,
  disputedMatters: text,
  /** Each party's responsibility, keyed by party id; "无" is a statement too, an empty text is not. */
  responsibilities: z.record(z.string(), z.string().trim().max(MAX_TEXT)),
  obligations: z.array(obligationSchema),
  mediators: z.array(z.string().trim()),
  agreedOn: isoDateSchema.nullable().optional(),
});
export type AgreementDraft = z.infer<typeof agreementDraftSchema>;

export interface MissingField {
  /** Dotted path, as in ApiError.fields. */
  path: string;
  label: string;
}

function blank(value: string | null | undefined): boolean {
  return !value || value.trim() === '';
}

function partyLabel(party: AgreementParty, index: number): string {
  const name = blank(party.name) ? `（第${index + 1}位当事人）` : party.name;
  return `${PARTY_ROLE_LABELS[party.role]}${name}`;
}

function missingPartyFields(party: AgreementParty, written: boolean): [string, string][] {
  if (!written) return blank(party.name) ? [['name', '姓名或名称']] : [];
  const required: [string, string, boolean][] =
    party.kind === 'person'
      ? [
          ['name', '姓名', blank(party.name)],
          ['gender', '性别', !party.gender],
          ['ethnicity', '民族', blank(party.ethnicity)],
          ['birthDate', '出生日期或年龄', !party.birthDate && party.age == null],
          ['occupation', '职业', blank(party.occupation)],
          ['phone', '联系方式', blank(party.phone)],
          ['address', '住址', blank(party.address)],
          ['idType', '证件类型', !party.idType],
          ['idNumber', '证件号码', blank(party.idNumber)],
        ]
      : [
          ['name', '名称', blank(party.name)],
          ['creditCode', '统一社会信用代码', blank(party.creditCode)],
          ['legalRepresentative', '法定代表人（负责人）', blank(party.legalRepresentative)],
        ];
  return required.filter(([, , missing]) => missing).map(([key, label]) => [key, label]);
}

/** Every field still missing for this form of agreement, in the order they appear on paper. */
export function missingAgreementFields(draft: AgreementDraft): MissingField[] {
  const written = draft.form === 'written';
  const missing: MissingField[] = [];
  const need = (path: string, label: string, isMissing: boolean) => {
    if (isMissing) missing.push({ path, label });
  };

  need('caseNumber', '协议编号', written && blank(draft.caseNumber));
  need('parties', '当事人（至少两方）', draft.parties.length < 2);
  draft.parties.forEach((party, i) => {
    for (const [key, label] of missingPartyFields(party, written)) {
      need(`parties.${i}.${key}`, `${partyLabel(party, i)}：${label}`, true);
    }
  });
  need('facts', '纠纷主要事实', written && blank(draft.facts));
  need('disputedMatters', '争议事项', written && blank(draft.disputedMatters));
  draft.parties.forEach((party, i) => {
    const stated = !blank(draft.responsibilities[party.id]);
    need(
      `responsibilities.${party.id}`,
      `${partyLabel(party, i)}：应承担的责任`,
      written && !stated,
    );
  });

  need('obligations', '协议履行事项（至少一项）', draft.obligations.length === 0);
  const partyIds = new Set(draft.parties.map((party) => party.id));
  draft.obligations.forEach((obligation, i) => {
    const at = (key: string, label: string, isMissing: boolean) =>
      need(`obligations.${i}.${key}`, `第${i + 1}项：${label}`, isMissing);
    at('content', '履行内容', blank(obligation.content));
    if (!written) return;
    at(
      'obligorPartyId',
      '义务人',
      !obligation.obligorPartyId || !partyIds.has(obligation.obligorPartyId),
    );
    at('method', '履行方式', blank(obligation.method));
    at('place', '履行地点', blank(obligation.place));
    at('deadline', '履行期限', !obligation.deadline);
  });

  need('mediators', '调解员', !draft.mediators.some((name) => !blank(name)));
  need('agreedOn', '协议日期', !draft.agreedOn);
  return missing;
}

/** Art. 29: one copy for each party and one kept by the committee; an oral agreement has none. */
export function agreementCopies(draft: Pick<AgreementDraft, 'form' | 'parties'>): number {
  return draft.form === 'written' ? draft.parties.length + 1 : 0;
}
