import type { HandlerMap } from '../rpc/handler';
import { changePassword, lock, me, signIn, signOut, unlock } from './service';

export const authHandlers: HandlerMap = {
  'auth.signIn': (ctx, input) => signIn(ctx, input.username, input.password),
  'auth.signOut': async (ctx) => {
    await signOut(ctx);
    return {};
  },
  'auth.me': (ctx) => me(ctx),
  'auth.changePassword': (ctx, input) =>
    changePassword(ctx, input.currentPassword, input.newPassword),
  'auth.lock': async (ctx) => {
    await lock(ctx);
    return {};
  },
  'auth.unlock': (ctx, input) => unlock(ctx, input.password),
};
