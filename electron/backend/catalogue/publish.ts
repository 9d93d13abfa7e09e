import type { MethodOutput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { ServiceItemFields } from '@shared/domain/catalogue/service-item';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { ensureInScope, requireTerminal } from '../core/guards';
import type { CallContext } from '../core/runtime';
import type { Db } from '../db/queryable';
import {
  countyLink,
  heldEdition,
  HubRefusal,
  publishReference,
  recordAppliedEdition,
  relay,
} from '../hub/service';
import { findOrgUnit } from '../org/repository';
import { toVersion } from './fields';
import { listCurrentVersions } from './repository';

/**
 * The county's active items in the shape of resources/service-catalogue.json, and the number of each
 * one's current version, which every terminal then gives the same version.
 */
async function countyItems(
  db: Db,
  countyCode: string,
): Promise<{ items: ServiceItemFields[]; versions: Record<string, number> }> {
  const rows = (await listCurrentVersions(db)).filter(
    (row) => row.issuer_code === countyCode && row.active === 1,
  );
  const versions = Object.fromEntries(rows.map((row) => [row.code, row.number]));
  const items = rows.map((row) => {
    // The version as the catalogue shows it, less what is not a field of the item.
    const { versionId: _id, itemId: _item, number: _n, createdAt: _at, ...fields } = toVersion(row);
    return { ...fields, aliases: JSON.parse(row.aliases) as string[] };
  });
  return { items, versions };
}

/**
 * catalogue.publishToHub: the county centre's catalogue becomes the county's next edition. The hub
 * refuses it when someone published after the edition this terminal holds, so that one county
 * terminal never overwrites another's publish unseen.
 */
export async function publishCatalogue(
  ctx: CallContext,
): Promise<MethodOutput<'catalogue.publishToHub'>> {
  const { rt } = ctx;
  const own = await findOrgUnit(rt.db, requireTerminal(rt).orgUnitId);
  if (own?.level !== 'county') {
    throw new DomainError('HUB_COUNTY_ONLY', '只有县级中心可以把事项目录发布到县级平台');
  }
  await ensureInScope(ctx, own.id);
  const link = await countyLink(ctx);
  const { items, versions } = await countyItems(rt.db, own.code);
  if (items.length === 0) throw new DomainError('NOT_FOUND', '没有启用的事项可以发布');
  const baseEdition = await heldEdition(rt.db, 'catalogue');
  const payload = { edition: shanghaiDate(rt.stamper.clock.now()), items, versions };
  const published = await relay(ctx, async () => {
    try {
      return await publishReference(link.client, 'catalogue', { baseEdition, payload });
    } catch (error) {
      if (error instanceof HubRefusal && error.code === 'REFERENCE_EDITION_STALE') {
        throw new DomainError(
          'CATALOGUE_EDITION_STALE',
          `县级平台上已有比本机（第 ${baseEdition} 版）更新的事项目录，请先在“县级平台”页立即同步，核对后再发布`,
        );
      }
      throw error;
    }
  });
  await rt.db.transaction().execute(async (trx) => {
    // Held as if applied: the next pull brings the same edition back, and it must not apply again.
    await recordAppliedEdition(trx, {
      kind: 'catalogue',
      edition: published.edition,
      publishedAt: published.publishedAt,
      appliedAt: rt.stamper.nowIso(),
      summary: `本机发布，共 ${items.length} 项`,
    });
    await appendAudit(trx, rt.stamper.nowIso(), ctx.actor, requireTerminal(rt).terminalId, {
      action: 'catalogue.publishToHub',
      objectType: 'org_unit',
      objectId: own.id,
      detail: `发布事项目录第 ${published.edition} 版（${payload.edition}），共 ${items.length} 项`,
    });
  });
  return { edition: published.edition, items: items.length };
}
