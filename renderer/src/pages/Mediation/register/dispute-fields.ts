import type { DisputeDetail, MethodInput } from '@shared/api';
import type { DisputeSource, DisputeType, RiskLevel } from '@shared/domain/mediation/vocabulary';
import { fenToYuan, yuanToFen } from '../../../lib/money';

/** The registration's own fields as the form holds them: yuan for fen, '' for "not given". */
export interface DisputeFieldsValues {
  type: DisputeType | null;
  source: DisputeSource | null;
  transferOrigin: string | null;
  summary: string;
  occurredOn: string | null;
  place: string;
  amountYuan: number | '';
  peopleInvolved: number | '';
  riskLevel: RiskLevel;
}

type DisputeFieldsInput = Omit<MethodInput<'mediation.update'>, 'disputeId'>;

export const EMPTY_DISPUTE_FIELDS: DisputeFieldsValues = {
  type: null,
  source: null,
  transferOrigin: null,
  summary: '',
  occurredOn: null,
  place: '',
  amountYuan: '',
  peopleInvolved: '',
  riskLevel: 'general',
};

/** The form's messages land on the fields the person typed in. */
export const DISPUTE_FIELD_RENAMES: Record<string, string> = { amountFen: 'amountYuan' };

export function fieldsFromDetail(dispute: DisputeDetail): DisputeFieldsValues {
  return {
    type: dispute.type,
    source: dispute.source,
    transferOrigin: dispute.transferOrigin,
    summary: dispute.summary,
    occurredOn: dispute.occurredOn,
    place: dispute.place ?? '',
    amountYuan: fenToYuan(dispute.amountFen),
    peopleInvolved: dispute.peopleInvolved ?? '',
    riskLevel: dispute.riskLevel,
  };
}

/** Unset selects go as '' so that the contract's schema names the field in its message. */
export function toDisputeFields(values: DisputeFieldsValues): DisputeFieldsInput {
  return {
    type: (values.type ?? '') as DisputeType,
    source: (values.source ?? '') as DisputeSource,
    transferOrigin: values.source === 'transfer' ? values.transferOrigin : null,
    summary: values.summary,
    occurredOn: values.occurredOn,
    place: values.place,
    amountFen: yuanToFen(values.amountYuan),
    peopleInvolved: values.peopleInvolved === '' ? null : values.peopleInvolved,
    riskLevel: values.riskLevel,
  };
}
