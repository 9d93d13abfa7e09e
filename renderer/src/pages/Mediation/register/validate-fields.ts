import type { FormErrors } from '@mantine/form';
import { mediationMethods } from '@shared/api';
import { allOf, convertedValidator } from '../../../lib/form';
import { DISPUTE_FIELD_RENAMES, toDisputeFields, type DisputeFieldsValues } from './dispute-fields';

/** The selects first, in words the person knows; then the contract's own checks. */
function chosen(values: DisputeFieldsValues): FormErrors {
  return {
    type: values.type ? null : '请选择纠纷类型',
    source: values.source ? null : '请选择纠纷来源',
    transferOrigin:
      values.source === 'transfer' && !values.transferOrigin ? '移送的纠纷请选择移送单位' : null,
  };
}

const updateInput = mediationMethods['mediation.update'].input;

export const validateDisputeFields = allOf<DisputeFieldsValues>(
  chosen,
  convertedValidator<DisputeFieldsValues>(
    updateInput,
    (values) => ({ disputeId: 'check', ...toDisputeFields(values) }),
    DISPUTE_FIELD_RENAMES,
  ),
);
