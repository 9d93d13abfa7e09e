import type { HandlerMap } from '../rpc/handler';
import {
  createUser,
  deleteUser,
  listUsers,
  resetPassword,
  setDisabled,
  unlockUser,
  updateUser,
} from './service';

export const usersHandlers: HandlerMap = {
  'users.list': (ctx, input) => listUsers(ctx, input.includeDisabled),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.setDisabled': (ctx, input) => setDisabled(ctx, input.userId, input.disabled),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input.userId, input.newPassword),
  'users.unlock': (ctx, input) => unlockUser(ctx, input.userId),
  'users.delete': async (ctx, input) => {
    await deleteUser(ctx, input.userId);
    return {};
  },
};
