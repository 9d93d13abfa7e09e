import type { AgreementInput, DisputeDetail, DisputeParty } from '@shared/api';
import {
  missingAgreementFields,
  type AgreementDraft,
  type AgreementParty,
  type MissingField,
} from '@shared/domain/mediation/agreement';
import { fenToYuan, yuanToFen } from '../../../lib/money';

interface ObligationValues {
  /** Stable key for React lists; not sent. */
  key: string;
  obligorPartyId: string | null;
  content: string;
  amountYuan: number | '';
  method: string;
  place: string;
  deadline: string | null;
}

export interface AgreementValues {
  form: 'written' | 'oral';
  facts: string;
  disputedMatters: string;
  /** By party id. */
  responsibilities: Record<string, string>;
  obligations: ObligationValues[];
  agreedOn: string | null;
  effectiveOn: string | null;
  recorderName: string;
}

let nextKey = 0;
export function emptyObligation(): ObligationValues {
  nextKey += 1;
  return {
    key: `obligation-${nextKey}`,
    obligorPartyId: null,
    content: '',
    amountYuan: '',
    method: '',
    place: '',
    deadline: null,
  };
}

/** The saved draft, or a first draft whose facts start from the registered summary. */
export function agreementValues(
  dispute: DisputeDetail,
  today: string,
  recorderName: string,
): AgreementValues {
  const saved = dispute.agreement;
  if (!saved) {
    return {
      form: 'written',
      facts: dispute.summary,
      disputedMatters: '',
      responsibilities: {},
      obligations: [emptyObligation()],
      agreedOn: today,
      effectiveOn: null,
      recorderName,
    };
  }
  return {
    form: saved.form,
    facts: saved.facts ?? '',
    disputedMatters: saved.disputedMatters ?? '',
    responsibilities: { ...saved.responsibilities },
    obligations: saved.obligations.map((obligation) => ({
      ...emptyObligation(),
      obligorPartyId: obligation.obligorPartyId,
      content: obligation.content,
      amountYuan: fenToYuan(obligation.amountFen),
      method: obligation.method ?? '',
      place: obligation.place ?? '',
      deadline: obligation.deadline,
    })),
    agreedOn: saved.agreedOn ?? today,
    effectiveOn: saved.effectiveOn,
    recorderName: saved.recorderName ?? recorderName,
  };
}

export function toAgreementInput(values: AgreementValues): AgreementInput {
  return {
    form: values.form,
    facts: values.facts,
    disputedMatters: values.disputedMatters,
    responsibilities: Object.fromEntries(
      Object.entries(values.responsibilities).filter(([, text]) => text.trim() !== ''),
    ),
    obligations: values.obligations.map((obligation) => ({
      obligorPartyId: obligation.obligorPartyId,
      content: obligation.content,
      amountFen: yuanToFen(obligation.amountYuan),
      method: obligation.method,
      place: obligation.place,
      deadline: obligation.deadline,
    })),
    agreedOn: values.agreedOn,
    effectiveOn: values.effectiveOn,
    recorderName: values.recorderName,
  };
}

/** The backend names an obligation's amount in fen; the form holds yuan. */
export function agreementFieldName(path: string): string {
  return path.replace(/^(obligations\.\d+)\.amountFen$/, '$1.amountYuan');
}

const given = (value: string | null) => value ?? undefined;

/**
 * The case file's parties as the art. 29 check reads them. Masked values stand for the stored
 * ones: the check asks only whether a particular is there, never what it is.
 */
function agreementParty(party: DisputeParty): AgreementParty {
  if (party.kind === 'organisation') {
    return {
      kind: 'organisation',
      id: party.id,
      role: party.role,
      name: party.name,
      creditCode: given(party.creditCode),
      legalRepresentative: given(party.representative),
      address: given(party.address),
      phone: given(party.phoneMasked),
    };
  }
  return {
    kind: 'person',
    id: party.id,
    role: party.role,
    name: party.name,
    gender: party.gender,
    ethnicity: given(party.ethnicity),
    birthDate: party.birthDate,
    // The birth date of a party with an ID number is on the case file, hidden in the mask here.
    age: party.ageNow,
    occupation: given(party.occupation),
    phone: given(party.phoneMasked),
    address: given(party.address),
    idType: party.idType,
    idNumber: given(party.idNumberMasked),
  };
}

/** What art. 29 still needs, as the person types, in the order of the paper. */
export function missingNow(dispute: DisputeDetail, values: AgreementValues): MissingField[] {
  const input = toAgreementInput(values);
  const draft: AgreementDraft = {
    form: values.form,
    caseNumber: dispute.caseNo,
    parties: dispute.parties.map(agreementParty),
    facts: values.facts,
    disputedMatters: values.disputedMatters,
    responsibilities: input.responsibilities ?? {},
    obligations: (input.obligations ?? []).map((obligation) => ({
      obligorPartyId: obligation.obligorPartyId,
      content: obligation.content,
      amountFen: obligation.amountFen,
      method: given(obligation.method ?? null),
      place: given(obligation.place ?? null),
      deadline: obligation.deadline,
    })),
    mediators: dispute.mediators.map((mediator) => mediator.name),
    agreedOn: values.agreedOn,
  };
  return missingAgreementFields(draft);
}
