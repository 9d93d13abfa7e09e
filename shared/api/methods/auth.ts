import { z } from 'zod';
import { method } from '../define';
import { emptySchema, passwordSchema, userSchema } from './common';

const sessionSchema = z.object({
  token: z.string(),
  user: userSchema,
  idleLockMinutes: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

export const authMethods = {
  'auth.signIn': method({
    input: z.object({
      username: z.string().trim().min(1, '请填写用户名'),
      password: z.string().min(1, '请填写密码'),
    }),
    output: sessionSchema,
    access: 'public',
  }),
  'auth.signOut': method({
    input: emptySchema,
    output: z.object({}),
    access: 'session',
    allowLocked: true,
  }),
  'auth.me': method({ input: emptySchema, output: userSchema, access: 'session' }),
  'auth.changePassword': method({
    input: z.object({
      currentPassword: z.string().min(1, '请填写当前密码'),
      newPassword: passwordSchema,
    }),
    output: userSchema,
    access: 'session',
  }),
  /** The idle lock keeps the screen and its unsaved form; the same user re-enters the password. */
  'auth.lock': method({ input: emptySchema, output: z.object({}), access: 'session' }),
  'auth.unlock': method({
    input: z.object({ password: z.string().min(1, '请填写密码') }),
    output: sessionSchema,
    access: 'session',
    allowLocked: true,
  }),
};
