/** Password policy for every user: at least 8 characters from at least 3 of 4 classes. */
const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MIN_CLASSES = 3;

type PasswordProblem = 'too-short' | 'too-few-classes' | 'contains-username';

function passwordClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
  return classes.filter((pattern) => pattern.test(password)).length;
}

export function checkPassword(password: string, username?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (passwordClasses(password) < PASSWORD_MIN_CLASSES) return 'too-few-classes';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'contains-username';
  }
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
  'too-few-classes': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  'contains-username': '密码不能包含用户名',
};

export const PASSWORD_RULE_TEXT =
  '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名';
