import { z } from 'zod';
import { method } from '../define';
import { roleSchema } from '../roles';
import { displayNameSchema, idSchema, passwordSchema, userSchema, usernameSchema } from './common';

export const usersMethods = {
  'users.list': method({
    input: z.object({ includeDisabled: z.boolean().default(true) }),
    output: z.array(userSchema),
    access: ['admin', 'supervisor'],
  }),
  'users.create': method({
    input: z.object({
      username: usernameSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      /** Defaults to this terminal's org unit. */
      orgUnitId: idSchema.optional(),
      initialPassword: passwordSchema,
      /** With role 调解员: also put the person on the unit's mediator roster, linked to the account. */
      addToRoster: z.boolean().default(false),
    }),
    output: userSchema,
    access: ['admin'],
  }),
  'users.update': method({
    input: z.object({
      userId: idSchema,
      displayName: displayNameSchema,
      role: roleSchema,
      orgUnitId: idSchema,
      /** Made 调解员 and not yet on a roster: put the person on the unit's committee roster too. */
      addToRoster: z.boolean().default(false),
    }),
    output: userSchema,
    access: ['admin'],
  }),
  'users.setDisabled': method({
    input: z.object({ userId: idSchema, disabled: z.boolean() }),
    output: userSchema,
    access: ['admin'],
  }),
  'users.resetPassword': method({
    input: z.object({ userId: idSchema, newPassword: passwordSchema }),
    output: userSchema,
    access: ['admin'],
  }),
  /** Lifts a sign-in lockout before its 10 minutes are up. */
  'users.unlock': method({
    input: z.object({ userId: idSchema }),
    output: userSchema,
    access: ['admin'],
  }),
  /** Only a user who has never acted can be deleted; anyone else is disabled instead. */
  'users.delete': method({
    input: z.object({ userId: idSchema }),
    output: z.object({}),
    access: ['admin'],
  }),
};
