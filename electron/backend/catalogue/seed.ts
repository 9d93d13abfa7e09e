import type { Transaction } from 'kysely';
import { serviceCatalogueFileSchema } from '@shared/domain/catalogue/service-item';
import shipped from '../../../resources/service-catalogue.json';
import { appendAudit } from '../audit/service';
import type { ChangeStamp } from '../core/changes';
import type { Database } from '../db/schema';
import { createItem } from './item-writes';

/**
 * Loads the catalogue shipped in resources/ inside the setup transaction, owned by the terminal's org
 * unit. Parsed on use: a broken file must fail setup, not half-load. One audit entry for the whole
 * load; every row still gets its outbox entry, since the hub learns of the items from them.
 */
export async function seedCatalogue(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  orgUnitId: string,
): Promise<number> {
  const catalogue = serviceCatalogueFileSchema.parse(shipped);
  for (const fields of catalogue.items) await createItem(trx, stamp, orgUnitId, fields);
  await appendAudit(trx, stamp.stamper.nowIso(), stamp.actor, stamp.terminal.terminalId, {
    action: 'catalogue.seed',
    objectType: 'org_unit',
    objectId: orgUnitId,
    detail: `载入事项目录 ${catalogue.edition} 版，共 ${catalogue.items.length} 项`,
  });
  return catalogue.items.length;
}
