import type { User } from '@shared/api';

interface UserStatus {
  label: '正常' | '已停用' | '已锁定';
  color: string;
}

/** Disabled outranks locked: a disabled account cannot sign in even when its lockout ends. */
export function userStatus(user: User): UserStatus {
  if (user.disabled) return { label: '已停用', color: 'gray' };
  if (user.lockedUntil) return { label: '已锁定', color: 'red' };
  return { label: '正常', color: 'teal' };
}
