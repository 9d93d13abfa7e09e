import type { FormErrors } from '@mantine/form';
import { setupInputSchema, type OrgLevel, type SetupInput } from '@shared/api';
import { parsePhone } from '@shared/domain/contact/phone';
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
  counterPhone: string;
  admin: { username: string; displayName: string; password: string; confirmPassword: string };
}

export const INITIAL_SETUP_VALUES: SetupValues = {
  loadDemoOrgTree: false,
  level: 'township',
  divisionCode: '',
  orgName: '',
  terminalName: '',
  terminalNumber: '01',
  counterPhone: '',
  admin: { username: '', displayName: '', password: '', confirmPassword: '' },
};

/** The fields each wizard step owns, so 下一步 checks only what the person has seen. */
export const STEP_FIELDS = [
  ['level', 'divisionCode', 'orgName'],
  ['terminalName', 'terminalNumber', 'counterPhone'],
  ['admin.username', 'admin.displayName', 'admin.password', 'admin.confirmPassword'],
] as const;

/** The step holding a field the backend refused, so the wizard can go back to it. */
export function stepOfField(path: string): number {
  const index = STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(path));
  return index < 0 ? 0 : index;
}

/** Optional here, so empty passes; typed, it is held to the rule 系统设置 applies. */
function phoneProblem(phone: string): string | null {
  if (phone.trim() === '') return null;
  const parsed = parsePhone(phone);
  return parsed.ok ? null : parsed.error.message;
}

function domainRules(values: SetupValues): FormErrors {
  const code = values.divisionCode.trim();
  return {
    divisionCode: code ? checkDivisionCode(code, values.level) : '请填写行政区划代码',
    counterPhone: phoneProblem(values.counterPhone),
    'admin.password': passwordProblem(values.admin.password, values.admin.username.trim()),
    'admin.confirmPassword': confirmProblem(values.admin.password, values.admin.confirmPassword),
  };
}

export const validateSetup = allOf<SetupValues>(zodValidator(setupInputSchema), domainRules);

export function toSetupInput(values: SetupValues): SetupInput {
  const { confirmPassword: _confirm, ...admin } = values.admin;
  return { ...values, divisionCode: values.divisionCode.trim(), admin };
}
