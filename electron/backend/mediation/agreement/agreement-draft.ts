import type { z } from 'zod';
import type { obligationInputSchema } from '@shared/api/methods/mediation-outcome';
import type { DocumentType } from '@shared/domain/identity/documents';
import type { AgreementDraft, AgreementParty } from '@shared/domain/mediation/agreement';
import type { DisputeAgreementsTable } from '../../db/schema';
import type { PartyRow } from '../register/parties-repository';

type StoredObligation = z.output<typeof obligationInputSchema>;

const orUndefined = (value: string | null): string | undefined => value ?? undefined;

/** A party as the art. 29 check reads it: the particulars on the case file, whole. */
function agreementParty(party: PartyRow): AgreementParty {
  if (party.kind === 'organisation') {
    return {
      kind: 'organisation',
      id: party.id,
      role: party.role,
      name: party.name,
      creditCode: orUndefined(party.credit_code),
      legalRepresentative: orUndefined(party.representative),
      address: orUndefined(party.address),
      phone: orUndefined(party.phone),
    };
  }
  return {
    kind: 'person',
    id: party.id,
    role: party.role,
    name: party.name,
    gender: party.gender,
    ethnicity: orUndefined(party.ethnicity),
    birthDate: party.birth_date,
    age: party.age,
    occupation: orUndefined(party.occupation),
    phone: orUndefined(party.phone),
    address: orUndefined(party.address),
    idType: party.id_type as DocumentType | null,
    idNumber: orUndefined(party.id_number),
  };
}

export interface AgreementContent {
  form: 'written' | 'oral';
  facts: string | null;
  disputedMatters: string | null;
  responsibilities: Record<string, string>;
  obligations: StoredObligation[];
  mediators: string[];
  agreedOn: string | null;
}

export function contentOf(row: DisputeAgreementsTable): AgreementContent {
  return {
    form: row.form,
    facts: row.facts,
    disputedMatters: row.disputed_matters,
    responsibilities: JSON.parse(row.responsibilities) as Record<string, string>,
    obligations: JSON.parse(row.obligations) as StoredObligation[],
    mediators: JSON.parse(row.mediators) as string[],
    agreedOn: row.agreed_on,
  };
}

/** The draft the domain checks: case number, parties and mediators from the case file. */
export function agreementDraft(
  caseNo: string,
  parties: readonly PartyRow[],
  content: AgreementContent,
): AgreementDraft {
  return {
    form: content.form,
    caseNumber: caseNo,
    parties: parties.map(agreementParty),
    facts: orUndefined(content.facts),
    disputedMatters: orUndefined(content.disputedMatters),
    responsibilities: content.responsibilities,
    obligations: content.obligations.map((obligation) => ({
      obligorPartyId: obligation.obligorPartyId,
      content: obligation.content,
      amountFen: obligation.amountFen,
      method: orUndefined(obligation.method),
      place: orUndefined(obligation.place),
      deadline: obligation.deadline,
    })),
    mediators: content.mediators,
    agreedOn: content.agreedOn,
  };
}
