import type { HandlerMap } from '../rpc/handler';
import { distinctActions } from './repository';
import { listAuditEntries } from './service';
import { verifyAudit } from './verify';

export const auditHandlers: HandlerMap = {
  'audit.list': (ctx, input) => listAuditEntries(ctx, input),
  'audit.actions': (ctx) => distinctActions(ctx.rt.db),
  'audit.verify': (ctx) => verifyAudit(ctx.rt.db, ctx.rt.auditKey),
};
