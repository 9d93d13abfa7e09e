import { contract, ROLES, type MethodName, type Role } from '@shared/api';

/**
 * Whether a role may call a method, read from the contract so that a screen offers exactly what the
 * backend will allow (the backend checks again on every call).
 */
export function canCall(role: Role, method: MethodName): boolean {
  const { access } = contract[method];
  if (access === 'public' || access === 'session') return true;
  return access.includes(role);
}

/** The roles that may call a method, for the navigation and routes tables. */
export function rolesOf(method: MethodName): readonly Role[] {
  const { access } = contract[method];
  return access === 'public' || access === 'session' ? ROLES : access;
}
