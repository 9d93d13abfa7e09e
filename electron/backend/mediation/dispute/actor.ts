import { requireUser } from '../../core/guards';
import type { CallContext } from '../../core/runtime';
import { findUserRow } from '../../users/repository';

/** The caller's name as case files and reports show it. */
export async function actorName(ctx: CallContext): Promise<string> {
  const user = requireUser(ctx.actor);
  return (await findUserRow(ctx.rt.db, user.userId))?.display_name ?? user.username;
}
