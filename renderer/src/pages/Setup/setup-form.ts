import type { FormErrors } from '@mantine/form';
import { setupInputSchema, type OrgLevel, type SetupInput } from '@shared/api';
import { checkDivisionCode } from '@shared/domain/division-code';
import { allOf, zodValidator } from '../../lib/form';
import { confirmProblem, passwordProblem } from '../../lib/password';

export interface SetupValues {
  loadDemoOrgTree: boolean;
  level: OrgLevel;
  divisionCode: string;
  orgName: string;
  terminalName: string;
  terminalNumber: string;
  admin: { username: string; displayName: string; password: string; confirmPassword: string };
}

export const INITIAL_SETUP_VALUES: SetupValues = {
  loadDemoOrgTree: false,
  level: 'township',
  divisionCode: '',
  orgName: '',
  terminalName: '',
  terminalNumber: '01',
  admin: { username: '', displayName: '', password: '', confirmPassword: '' },
};

/** The fields each wizard step owns, so 下一步 checks only what the person has seen. */
export const STEP_FIELDS = [
  ['level', 'divisionCode', 'orgName'],
  ['terminalName', 'terminalNumber'],
  ['admin.username', 'admin.displayName', 'admin.password', 'admin.confirmPassword'],
] as const;

/** The step holding a field the backend refused, so the wizard can go back to it. */
export function stepOfField(path: string): number {
  const index = STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(path));
  return index < 0 ? 0 : index;
}

function domainRules(values: SetupValues): FormErrors {
  const code = values.divisionCode.trim();
  return {
    divisionCode: code ? checkDivisionCode(code, values.level) : '请填写行政区划代码',
    'admin.password': passwordProblem(values.admin.password, values.admin.username.trim()),
    'admin.confirmPassword': confirmProblem(values.admin.password, values.admin.confirmPassword),
  };
}

export const validateSetup = allOf<SetupValues>(zodValidator(setupInputSchema), domainRules);

export function toSetupInput(values: SetupValues): SetupInput {
  const { confirmPassword: _confirm, ...admin } = values.admin;
  return { ...values, divisionCode: values.divisionCode.trim(), admin };
}
