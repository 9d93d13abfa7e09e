import * as audit from '../audit/repository';
import { verifyAudit } from '../audit/verify';
import * as auth from '../auth/service';
import * as backups from '../backup/service';
import { requireUser } from '../core/guards';
import { listOrgUnits, orgScope } from '../org/repository';
import * as settings from '../settings/service';
import * as setup from '../setup/service';
import { rebuildSearchIndexes } from '../search-index/service';
import { status } from '../system/service';
import * as users from '../users/service';
import { shanghaiDayStartIso } from '../core/time';
import type { HandlerMap } from './handler';

export const foundationHandlers: HandlerMap = {
  'system.status': (ctx) => status(ctx.rt),
  'setup.demoOrgTree': () => setup.demoOrgTree(),
  'setup.initialize': async (ctx, input) => {
    const done = await setup.initialize(ctx, input);
    // The first backup right away, so the status bar never shows a set-up terminal without one.
    await backups.dailyBackupIfDue(ctx.rt);
    return done;
  },

  'auth.signIn': (ctx, input) => auth.signIn(ctx, input.username, input.password),
  'auth.signOut': async (ctx) => {
    await auth.signOut(ctx);
    return {};
  },
  'auth.me': (ctx) => auth.me(ctx),
  'auth.changePassword': (ctx, input) =>
    auth.changePassword(ctx, input.currentPassword, input.newPassword),
  'auth.lock': async (ctx) => {
    await auth.lock(ctx);
    return {};
  },
  'auth.unlock': (ctx, input) => auth.unlock(ctx, input.password),

  'users.list': (ctx, input) => users.listUsers(ctx, input.includeDisabled),
  'users.create': (ctx, input) => users.createUser(ctx, input),
  'users.update': (ctx, input) => users.updateUser(ctx, input),
  'users.setDisabled': (ctx, input) => users.setDisabled(ctx, input.userId, input.disabled),
  'users.resetPassword': (ctx, input) => users.resetPassword(ctx, input.userId, input.newPassword),
  'users.unlock': (ctx, input) => users.unlockUser(ctx, input.userId),
  'users.delete': async (ctx, input) => {
    await users.deleteUser(ctx, input.userId);
    return {};
  },
  'orgUnits.list': async (ctx) =>
    listOrgUnits(ctx.rt.db, await orgScope(ctx.rt.db, requireUser(ctx.actor).orgUnitId)),

  'audit.list': async (ctx, input) => {
    const { rows, total } = await audit.listEntries(
      ctx.rt.db,
      {
        fromIso: input.from ? shanghaiDayStartIso(input.from, 0) : undefined,
        toIso: input.to ? shanghaiDayStartIso(input.to, 1) : undefined,
        username: input.username || undefined,
        action: input.action || undefined,
        outcome: input.outcome,
      },
      input.pageSize,
      (input.page - 1) * input.pageSize,
    );
    return {
      total,
      rows: rows.map((row) => ({
        seq: row.seq,
        at: row.at,
        userId: row.user_id,
        username: row.username,
        terminalId: row.terminal_id,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        outcome: row.outcome,
        detail: row.detail,
      })),
    };
  },
  'audit.actions': (ctx) => audit.distinctActions(ctx.rt.db),
  'audit.verify': (ctx) => verifyAudit(ctx.rt.db, ctx.rt.auditKey),

  'settings.get': (ctx) => ctx.rt.settings,
  'settings.update': (ctx, input) => settings.updateSettings(ctx, input),
  'backups.list': (ctx) => backups.listAll(ctx.rt),
  'backups.create': (ctx) => backups.backupNow(ctx),
  'backups.restore': async (ctx, input) => {
    await backups.restoreBackup(ctx, input.name);
    return {};
  },
  'searchIndex.rebuild': (ctx) => rebuildSearchIndexes(ctx),
  'recovery.listBackups': (ctx) => {
    backups.ensureDamaged(ctx.rt);
    return backups.listAll(ctx.rt);
  },
  'recovery.restore': async (ctx, input) => {
    backups.ensureDamaged(ctx.rt);
    await backups.restoreBackup(ctx, input.name);
    return {};
  },
};
