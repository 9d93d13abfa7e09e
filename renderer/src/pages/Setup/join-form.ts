import { hubCompleteSetupInputSchema, type HubCompleteSetupInput } from '@shared/api';
import type { FormErrors } from '@mantine/form';
import { parsePhone } from '@shared/domain/contact/phone';
import { allOf, zodValidator } from '../../lib/form';
import { confirmProblem, passwordProblem } from '../../lib/password';
import type { SetupValues } from './setup-form';

/** After joining: the unit and the terminal number came from the hub; the rest is typed here. */
export type JoinValues = Pick<SetupValues, 'terminalName' | 'counterPhone' | 'admin'>;

export const INITIAL_JOIN_VALUES: JoinValues = {
  terminalName: '',
  counterPhone: '',
  admin: { username: '', displayName: '', password: '', confirmPassword: '' },
};

function domainRules(values: JoinValues): FormErrors {
  const phone = values.counterPhone.trim();
  const parsed = phone ? parsePhone(phone) : null;
  return {
    counterPhone: parsed && !parsed.ok ? parsed.error.message : null,
    'admin.password': passwordProblem(values.admin.password, values.admin.username.trim()),
    'admin.confirmPassword': confirmProblem(values.admin.password, values.admin.confirmPassword),
  };
}

export const validateJoin = allOf<JoinValues>(
  zodValidator(hubCompleteSetupInputSchema),
  domainRules,
);

export function toCompleteSetupInput(values: JoinValues): HubCompleteSetupInput {
  const { confirmPassword: _confirm, ...admin } = values.admin;
  return { ...values, admin };
}
