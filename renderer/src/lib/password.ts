import {
  checkPassword,
  PASSWORD_PROBLEM_MESSAGES,
  PASSWORD_RULE_TEXT,
} from '@shared/domain/password';

/** The shared password rule as a form check, so the person learns before the backend refuses. */
export function passwordProblem(password: string, username?: string): string | null {
  if (!password) return '请填写密码';
  const problem = checkPassword(password, username);
  return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : null;
}

export function confirmProblem(password: string, confirm: string): string | null {
  if (!confirm) return '请再次填写密码';
  return password === confirm ? null : '两次填写的密码不一致';
}

/** The rule as an input's description, so it is read before the first attempt, not after a refusal. */
export const PASSWORD_RULE_DESCRIPTION = `要求：${PASSWORD_RULE_TEXT}`;
