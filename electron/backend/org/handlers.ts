import { requireUser } from '../core/guards';
import type { HandlerMap } from '../rpc/handler';
import { listOrgUnits, orgScope } from './repository';

export const orgHandlers: HandlerMap = {
  'orgUnits.list': async (ctx) =>
    listOrgUnits(ctx.rt.db, await orgScope(ctx.rt.db, requireUser(ctx.actor).orgUnitId)),
};
