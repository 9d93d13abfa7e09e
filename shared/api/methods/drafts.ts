import { z } from 'zod';
import { method } from '../define';
import { ROLES } from '../roles';
import { isoTimeSchema } from './common';

/**
 * Which form a draft belongs to: 'intake', 'agency', 'dispute.register', or a form of one record
 * such as 'agreement:<dispute id>'.
 */
const formKeySchema = z
  .string()
  .regex(/^[a-z][a-z.]{0,39}(:[0-9A-Za-z-]{1,64})?$/, '草稿的表单名称不正确');

/** What the form held, as the renderer serialised it; the backend keeps it as given. */
const draftDataSchema = z.record(z.string(), z.unknown());

const formDraftSchema = z.object({
  formKey: z.string(),
  data: draftDataSchema,
  updatedAt: isoTimeSchema,
});
export type FormDraft = z.infer<typeof formDraftSchema>;

/** Every signed-in role fills forms; a draft is only ever the caller's own. */
const EVERY_ROLE = ROLES;

/**
 * Half-filled forms kept per user on this terminal, so that leaving a form, the idle lock or a
 * restart loses nothing. Terminal-local: never synced, never in the outbox.
 */
export const draftsMethods = {
  'drafts.get': method({
    input: z.object({ formKey: formKeySchema }).strict(),
    output: formDraftSchema.nullable(),
    access: EVERY_ROLE,
  }),
  'drafts.save': method({
    input: z.object({ formKey: formKeySchema, data: draftDataSchema }).strict(),
    output: z.object({ updatedAt: isoTimeSchema }),
    access: EVERY_ROLE,
  }),
  'drafts.discard': method({
    input: z.object({ formKey: formKeySchema }).strict(),
    output: z.object({ discarded: z.boolean() }),
    access: EVERY_ROLE,
  }),
};
