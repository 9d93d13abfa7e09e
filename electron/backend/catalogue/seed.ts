import type { Transaction } from 'kysely';
import { serviceCatalogueFileSchema } from '@shared/domain/catalogue/service-item';
import shipped from '../../../resources/service-catalogue.json';
import { appendAudit } from '../audit/service';
import type { ChangeStamp } from '../core/changes';
import type { Database } from '../db/schema';
import { createItem } from './item-writes';
import { terminalIssuers } from './issuer';

/**
 * Loads the catalogue shipped in resources/ inside the setup transaction, held by the terminal's org
 * unit and issued by its county: the county's catalogue until the county publishes its own, with the
 * same ids on every terminal of the county (natural-ids.ts). Parsed on use: a broken file must fail setup, not half-load. One audit entry for the whole
 * load; every row still gets its outbox entry, since the hub learns of the items from them.
 */
export async function seedCatalogue(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  orgUnitId: string,
): Promise<number> {
  const catalogue = serviceCatalogueFileSchema.parse(shipped);
  const { county } = await terminalIssuers(trx, orgUnitId);
  for (const fields of catalogue.items) await createItem(trx, stamp, orgUnitId, county, fields);
  await appendAudit(trx, stamp.stamper.nowIso(), stamp.actor, stamp.terminal.terminalId, {
    action: 'catalogue.seed',
    objectType: 'org_unit',
    objectId: orgUnitId,
    detail: `载入事项目录 ${catalogue.edition} 版，共 ${catalogue.items.length} 项`,
  });
  return catalogue.items.length;
}
