import type { Transaction } from 'kysely';
import type { ServiceItemFields } from '@shared/domain/catalogue/service-item';
import { pinyinInitials } from '@shared/domain/search/pinyin-initials';
import type { ChangeStamp } from '../core/changes';
import { DomainError } from '../core/errors';
import { insertSynced, updateSynced } from '../core/synced-writes';
import type { Database } from '../db/schema';
import { sameContent, versionContent } from './fields';
import { findItemByCode, findVersion, lastVersionNumber, type ItemRow } from './repository';

/*
 * The writes of the catalogue inside a caller's transaction, shared by the edit form, the Excel import
 * and the seed at setup. Each writes its outbox entries; the caller writes the audit entry.
 */

type Trx = Transaction<Database>;

async function ensureCodeFree(trx: Trx, code: string, itemId: string | null): Promise<void> {
  const holder = await findItemByCode(trx, code);
  if (holder && holder.id !== itemId) {
    throw new DomainError('ITEM_CODE_TAKEN', `事项编码“${code}”已被“${holder.name}”使用`, {
      'fields.code': '该编码已被其他事项使用',
    });
  }
}

/** The item row's alias columns: the names as JSON, their initials for an initials search. */
export function aliasColumns(aliases: readonly string[]) {
  return {
    aliases: JSON.stringify(aliases),
    alias_initials: aliases.map((alias) => pinyinInitials(alias)).join(' '),
  };
}

async function addVersion(
  trx: Trx,
  stamp: ChangeStamp,
  orgUnitId: string,
  itemId: string,
  number: number,
  fields: ServiceItemFields,
  id?: string,
): Promise<string> {
  return insertSynced(
    trx,
    stamp,
    'service_item_versions',
    orgUnitId,
    { item_id: itemId, number, ...versionContent(fields) },
    { id },
  );
}

/** A new item with its version 1; returns the item id. */
export async function createItem(
  trx: Trx,
  stamp: ChangeStamp,
  orgUnitId: string,
  fields: ServiceItemFields,
): Promise<string> {
  await ensureCodeFree(trx, fields.code, null);
  const itemId = stamp.stamper.newId();
  // The item row names its version before the version exists: the version's item_id is the foreign key.
  const versionId = stamp.stamper.newId();
  await insertSynced(
    trx,
    stamp,
    'service_items',
    orgUnitId,
    {
      code: fields.code,
      current_version_id: versionId,
      active: 1,
      name: fields.name,
      category: fields.category,
      initials: pinyinInitials(fields.name),
      ...aliasColumns(fields.aliases),
    },
    { id: itemId },
  );
  await addVersion(trx, stamp, orgUnitId, itemId, 1, fields, versionId);
  return itemId;
}

type Revision = { kind: 'unchanged' } | { kind: 'revised'; number: number | null };

/**
 * Applies edited fields to an item: a new version when anything a case depends on changed (cases keep
 * the version they were taken in under), the item row when its code, aliases or current version
 * changed. `number` is the new version's number, null when only the code or the aliases changed.
 */
export async function reviseItem(
  trx: Trx,
  stamp: ChangeStamp,
  item: ItemRow,
  fields: ServiceItemFields,
): Promise<Revision> {
  const current = await findVersion(trx, item.current_version_id);
  const contentChanged = !current || !sameContent(current, versionContent(fields));
  const codeChanged = fields.code !== item.code;
  const aliasesChanged = aliasColumns(fields.aliases).aliases !== item.aliases;
  if (!contentChanged && !codeChanged && !aliasesChanged) return { kind: 'unchanged' };
  if (codeChanged) await ensureCodeFree(trx, fields.code, item.id);
  let number: number | null = null;
  let currentVersionId = item.current_version_id;
  if (contentChanged) {
    number = (await lastVersionNumber(trx, item.id)) + 1;
    currentVersionId = await addVersion(trx, stamp, item.org_unit_id, item.id, number, fields);
  }
  await updateSynced(trx, stamp, 'service_items', item, {
    code: fields.code,
    current_version_id: currentVersionId,
    name: fields.name,
    category: fields.category,
    initials: pinyinInitials(fields.name),
    ...aliasColumns(fields.aliases),
  });
  return { kind: 'revised', number };
}

/** Returns false when the item already was in that state. */
export async function setItemActive(
  trx: Trx,
  stamp: ChangeStamp,
  item: ItemRow,
  active: boolean,
): Promise<boolean> {
  if ((item.active === 1) === active) return false;
  await updateSynced(trx, stamp, 'service_items', item, { active: active ? 1 : 0 });
  return true;
}
