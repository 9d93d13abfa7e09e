import type { z } from 'zod';
import type { Role } from './roles';

/**
 * Who may call a method:
 * - 'public': anyone, before sign-in (setup, sign-in, status);
 * - 'session': any signed-in user, even one who still has to change the password;
 * - a list of roles: a signed-in user with one of them who has changed the initial password.
 */
type Access = 'public' | 'session' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Whether a locked (idle) session may still call it: only unlock and sign-out. */
  allowLocked?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O>,
): MethodSpec<I, O> {
  return spec;
}
