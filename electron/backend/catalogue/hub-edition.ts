import { sql, type Transaction } from 'kysely';
import type { ReferenceEdition } from '@shared/sync/reference-contract';
import { serviceItemIdFromCode } from '@shared/sync/natural-ids';
import type { Database } from '../db/schema';
import { heldEdition, type ApplyContext } from '../hub/applier-context';
import { insertItem, reviseItem, setItemActive } from './item-writes';
import { findItem, type ItemRow } from './repository';

type Trx = Transaction<Database>;

/**
 * The county's item with this code: by the id every terminal derives for it, else (a terminal set up
 * before ids were derived, not yet matched to the county's) by its natural key.
 */
async function countyItem(trx: Trx, county: string, code: string): Promise<ItemRow | undefined> {
  return (
    (await findItem(trx, serviceItemIdFromCode(county, code))) ??
    (await trx
      .selectFrom('service_items')
      .selectAll()
      .where('issuer_code', '=', county)
      .where(sql<string>`upper(code)`, '=', code.toUpperCase())
      .where('deleted_at', 'is', null)
      .executeTakeFirst())
  );
}

/**
 * Applies the county's catalogue edition inside the sync cycle's transaction. Items are the county's
 * by their derived ids: a new one is added with version 1; one whose versioned fields changed gets a
 * new version that becomes current (cases keep pointing at the version they were taken in under);
 * aliases follow the edition; a county item the edition no longer lists is deactivated, never
 * deleted. The terminal's own items are left alone, also one that shares a code with a county item:
 * both are kept, and the county's wins the code in look-ups by code (repository.ts).
 */
export async function applyCatalogueEdition(
  trx: Trx,
  edition: ReferenceEdition<'catalogue'>,
  context: ApplyContext,
): Promise<string> {
  const { payload } = edition;
  // A county centre's own publish comes back in the next pull: it holds that edition already.
  if ((await heldEdition(trx, 'catalogue')) >= edition.edition) {
    return `事项 ${payload.items.length} 项（本机已是第 ${edition.edition} 版，未作改动）`;
  }
  const { stamp, countyCode } = context;
  const counts = { added: 0, updated: 0, deactivated: 0, sharedCodes: 0 };
  const listed = new Set<string>();
  for (const fields of payload.items) {
    const item = await countyItem(trx, countyCode, fields.code);
    if (!item) {
      const id = await insertItem(
        trx,
        stamp,
        stamp.terminal.orgUnitId,
        countyCode,
        fields,
        payload.versions?.[fields.code] ?? 1,
      );
      listed.add(id);
      counts.added += 1;
      const local = await trx
        .selectFrom('service_items')
        .select('id')
        .where('id', '!=', id)
        .where(sql<string>`upper(code)`, '=', fields.code.toUpperCase())
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (local) counts.sharedCodes += 1;
      continue;
    }
    listed.add(item.id);
    // The item keeps its code's spelling: it was matched by it.
    const revision = await reviseItem(
      trx,
      stamp,
      item,
      { ...fields, code: item.code },
      payload.versions?.[fields.code],
    );
    const after = (await findItem(trx, item.id)) ?? item;
    const reactivated = await setItemActive(trx, stamp, after, true);
    if (revision.kind === 'revised' || reactivated) counts.updated += 1;
  }
  const county = await trx
    .selectFrom('service_items')
    .selectAll()
    .where('issuer_code', '=', countyCode)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .execute();
  for (const item of county) {
    if (listed.has(item.id)) continue;
    await setItemActive(trx, stamp, item, false);
    counts.deactivated += 1;
  }
  const shared =
    counts.sharedCodes > 0 ? `；${counts.sharedCodes} 项与本单位自建事项编码相同，两者并存` : '';
  return `事项 ${payload.items.length} 项（新增 ${counts.added}、更新 ${counts.updated}、停用 ${counts.deactivated}）${shared}`;
}
