import type { DisputeParty, DisputePartyInput } from '@shared/api';
import { parsePhone } from '@shared/domain/contact/phone';
import { validateDocument, type DocumentType } from '@shared/domain/identity/documents';
import type { PartyRole } from '@shared/domain/mediation/agreement';

/** What the resident register told us when the party was looked up by document. */
interface ResidentFound {
  id: string;
  name: string;
  phoneMasked: string | null;
}

/** One party as the form holds it: every field a string the person can type. */
export interface PartyFormValues {
  /** Stable key for React lists; not sent. */
  key: string;
  kind: 'person' | 'organisation';
  role: PartyRole;
  idType: DocumentType;
  idNumber: string;
  /** Set once the lookup by document found the resident (一人一档). */
  resident: ResidentFound | null;
  /** The lookup ran and found nobody: a resident record is created from these particulars. */
  createResident: boolean;
  lookedUp: boolean;
  name: string;
  gender: 'male' | 'female' | null;
  ethnicity: string;
  birthDate: string | null;
  age: number | '';
  occupation: string;
  phone: string;
  address: string;
  creditCode: string;
  representative: string;
  hasAgent: boolean;
  agentName: string;
  agentPhone: string;
  attorneyDate: string | null;
  /** Editing a stored party: the masked values shown where the secret fields start empty. */
  stored: {
    idNumberMasked: string | null;
    phoneMasked: string | null;
    agentPhoneMasked: string | null;
  } | null;
}

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `party-${nextKey}`;
}

export function emptyParty(role: PartyRole): PartyFormValues {
  return {
    key: newKey(),
    kind: 'person',
    role,
    idType: 'resident_id',
    idNumber: '',
    resident: null,
    createResident: false,
    lookedUp: false,
    name: '',
    gender: null,
    ethnicity: '',
    birthDate: null,
    age: '',
    occupation: '',
    phone: '',
    address: '',
    creditCode: '',
    representative: '',
    hasAgent: false,
    agentName: '',
    agentPhone: '',
    attorneyDate: null,
    stored: null,
  };
}

/** A stored party in the form; phones and ID numbers stay masked and are kept unless retyped. */
export function partyFromDetail(party: DisputeParty): PartyFormValues {
  return {
    ...emptyParty(party.role),
    kind: party.kind,
    idType: party.idType ?? 'resident_id',
    resident: party.residentId
      ? { id: party.residentId, name: party.name, phoneMasked: null }
      : null,
    lookedUp: true,
    name: party.name,
    gender: party.gender,
    ethnicity: party.ethnicity ?? '',
    birthDate: party.birthDate,
    age: party.age ?? '',
    occupation: party.occupation ?? '',
    address: party.address ?? '',
    creditCode: party.creditCode ?? '',
    representative: party.representative ?? '',
    hasAgent: party.agentName !== null,
    agentName: party.agentName ?? '',
    attorneyDate: party.attorneyDate,
    stored: {
      idNumberMasked: party.idNumberMasked,
      phoneMasked: party.phoneMasked,
      agentPhoneMasked: party.agentPhoneMasked,
    },
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * A secret typed anew is sent; left empty it is left out, so that the backend keeps the stored value
 * (editing) or takes the resident register's (a linked resident); otherwise it is cleared.
 */
function secret(value: string, keepWhenEmpty: boolean): string | null | undefined {
  const typed = text(value);
  if (typed !== null) return typed;
  return keepWhenEmpty ? undefined : null;
}

export function toPartyInput(values: PartyFormValues): DisputePartyInput {
  const editing = values.stored !== null;
  const agent = {
    agentName: values.hasAgent ? text(values.agentName) : null,
    agentPhone: values.hasAgent ? secret(values.agentPhone, editing) : null,
    attorneyDate: values.hasAgent ? values.attorneyDate : null,
  };
  if (values.kind === 'organisation') {
    return {
      kind: 'organisation',
      role: values.role,
      name: values.name.trim(),
      creditCode: text(values.creditCode.toUpperCase()),
      representative: text(values.representative),
      phone: secret(values.phone, editing),
      address: text(values.address),
      ...agent,
    };
  }
  return {
    kind: 'person',
    role: values.role,
    residentId: values.resident?.id ?? null,
    name: text(values.name),
    gender: values.gender,
    ethnicity: text(values.ethnicity),
    birthDate: values.birthDate,
    age: values.age === '' ? null : values.age,
    occupation: text(values.occupation),
    phone: secret(values.phone, editing || values.resident !== null),
    address: text(values.address),
    idType: text(values.idNumber) || editing ? values.idType : null,
    idNumber: secret(values.idNumber, editing),
    ...agent,
  };
}

/** Field problems the person can fix before anything is sent; keys are the form's field names. */
export function partyProblems(values: PartyFormValues, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.name.trim()) {
    problems.name = values.kind === 'person' ? '请填写当事人姓名' : '请填写单位名称';
  }
  if (values.kind === 'person' && text(values.idNumber)) {
    const document = validateDocument(values.idType, values.idNumber, today);
    if (!document.ok) problems.idNumber = document.error.message;
  }
  if (values.kind === 'person' && values.birthDate && values.birthDate > today) {
    problems.birthDate = '出生日期不能晚于今天';
  }
  for (const key of ['phone', 'agentPhone'] as const) {
    const typed = text(values[key]);
    if (typed && (key === 'phone' || values.hasAgent)) {
      const phone = parsePhone(typed);
      if (!phone.ok) problems[key] = phone.error.message;
    }
  }
  if (values.hasAgent) {
    if (!text(values.agentName)) problems.agentName = '请填写代理人姓名';
    if (!values.attorneyDate) problems.attorneyDate = '有委托代理人的，请填写授权委托书的日期';
    else if (values.attorneyDate > today) problems.attorneyDate = '授权委托书日期不能晚于今天';
  }
  return problems;
}
