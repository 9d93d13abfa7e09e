import type { FormDraft, MethodParsedInput } from '@shared/api';
import { DomainError } from '../core/errors';
import type { CallContext } from '../core/runtime';
import { deleteDraft, findDraft, putDraft } from './repository';

/** Far above any form's values; a bigger draft is a fault, not a form. */
const MAX_DRAFT_BYTES = 256 * 1024;

function callerId(ctx: CallContext): string {
  // Access is checked before: every draft method needs a signed-in user.
  if (!ctx.actor.userId) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return ctx.actor.userId;
}

/**
 * Drafts are read and written only as the caller's own: the user id comes from the session, never
 * from the input. No audit entry per keystroke; a draft is neither a record nor synced.
 */
export async function getDraft(
  ctx: CallContext,
  input: MethodParsedInput<'drafts.get'>,
): Promise<FormDraft | null> {
  const row = await findDraft(ctx.rt.db, callerId(ctx), input.formKey);
  if (!row) return null;
  return {
    formKey: input.formKey,
    data: JSON.parse(row.data) as FormDraft['data'],
    updatedAt: row.updated_at,
  };
}

export async function saveDraft(
  ctx: CallContext,
  input: MethodParsedInput<'drafts.save'>,
): Promise<{ updatedAt: string }> {
  const data = JSON.stringify(input.data);
  if (new TextEncoder().encode(data).length > MAX_DRAFT_BYTES) {
    throw new DomainError('DRAFT_TOO_LARGE', '草稿内容过多，未能保存，请尽快提交或精简后再试');
  }
  const updatedAt = ctx.rt.stamper.nowIso();
  await putDraft(ctx.rt.db, { userId: callerId(ctx), formKey: input.formKey, data, updatedAt });
  return { updatedAt };
}

export async function discardDraft(
  ctx: CallContext,
  input: MethodParsedInput<'drafts.discard'>,
): Promise<{ discarded: boolean }> {
  return { discarded: await deleteDraft(ctx.rt.db, callerId(ctx), input.formKey) };
}
