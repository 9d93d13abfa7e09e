import type { Transaction } from 'kysely';
import type { ServiceItemFields } from '@shared/domain/catalogue/service-item';
import { pinyinInitials } from '@shared/domain/search/pinyin-initials';
import type { ChangeStamp } from '../core/changes';
import { DomainError } from '../core/errors';
import { insertSynced, updateSynced } from '../core/synced-writes';
import { serviceItemIdFromCode, serviceItemVersionId } from '@shared/sync/natural-ids';
import type { Database } from '../db/schema';
import { sameContent, versionContent } from './fields';
import { isCountyIssuer } from './issuer';
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

/** Version `number` of an item, with the id every terminal derives for it. */
async function addVersion(
  trx: Trx,
  stamp: ChangeStamp,
  orgUnitId: string,
  itemId: string,
  number: number,
  fields: ServiceItemFields,
): Promise<string> {
  return insertSynced(
    trx,
    stamp,
    'service_item_versions',
    orgUnitId,
    { item_id: itemId, number, ...versionContent(fields) },
    { id: serviceItemVersionId(itemId, number) },
  );
}

/**
 * An item with its version 1, its id derived from its natural key (issuer and code), held by
 * `orgUnitId` (the terminal's unit). No check that the code is free: the caller decides.
 */
export async function insertItem(
  trx: Trx,
  stamp: ChangeStamp,
  orgUnitId: string,
  issuerCode: string,
  fields: ServiceItemFields,
  number = 1,
): Promise<string> {
  const itemId = serviceItemIdFromCode(issuerCode, fields.code);
  // The item row names its version before the version exists: the version's item_id is the foreign key.
  await insertSynced(
    trx,
    stamp,
    'service_items',
    orgUnitId,
    {
      code: fields.code,
      issuer_code: issuerCode,
      current_version_id: serviceItemVersionId(itemId, number),
      active: 1,
      name: fields.name,
      category: fields.category,
      initials: pinyinInitials(fields.name),
      ...aliasColumns(fields.aliases),
    },
    { id: itemId },
  );
  await addVersion(trx, stamp, orgUnitId, itemId, number, fields);
  return itemId;
}

/** A new item with its version 1; returns the item id. */
export async function createItem(
  trx: Trx,
  stamp: ChangeStamp,
  orgUnitId: string,
  issuerCode: string,
  fields: ServiceItemFields,
): Promise<string> {
  await ensureCodeFree(trx, fields.code, null);
  // An item whose code was changed keeps the id its first code gave it; that code stays spent.
  const holder = await trx
    .selectFrom('service_items')
    .select(['code', 'name'])
    .where('id', '=', serviceItemIdFromCode(issuerCode, fields.code))
    .executeTakeFirst();
  if (holder) {
    throw new DomainError(
      'ITEM_CODE_TAKEN',
      `事项编码“${fields.code}”曾用于“${holder.name}”（现编码 ${holder.code}），不能再用于新事项`,
      { 'fields.code': '该编码曾被其他事项使用' },
    );
  }
  return insertItem(trx, stamp, orgUnitId, issuerCode, fields);
}

type Revision = { kind: 'unchanged' } | { kind: 'revised'; number: number | null };

/**
 * Applies edited fields to an item: a new version when anything a case depends on changed (cases keep
 * the version they were taken in under), the item row when its code, aliases or current version
 * changed. `number` is the new version's number, null when only the code or the aliases changed.
 * `issuedNumber` is the number the issuer gave the version (a county edition): taken unless this
 * terminal has already used it.
 */
export async function reviseItem(
  trx: Trx,
  stamp: ChangeStamp,
  item: ItemRow,
  fields: ServiceItemFields,
  issuedNumber?: number,
): Promise<Revision> {
  const current = await findVersion(trx, item.current_version_id);
  const contentChanged = !current || !sameContent(current, versionContent(fields));
  const codeChanged = fields.code !== item.code;
  const aliasesChanged = aliasColumns(fields.aliases).aliases !== item.aliases;
  if (!contentChanged && !codeChanged && !aliasesChanged) return { kind: 'unchanged' };
  if (codeChanged && isCountyIssuer(item.issuer_code)) {
    // The code names the item in every terminal of the county: a new code is a new item.
    throw new DomainError(
      'ITEM_CODE_FIXED',
      '县级目录事项的编码是该事项在全县的标识，不能修改；需要新编码时，请新增事项并停用原事项',
      { 'fields.code': '县级目录事项的编码不能修改' },
    );
  }
  if (codeChanged) await ensureCodeFree(trx, fields.code, item.id);
  let number: number | null = null;
  let currentVersionId = item.current_version_id;
  if (contentChanged) {
    const next = (await lastVersionNumber(trx, item.id)) + 1;
    number = issuedNumber !== undefined && issuedNumber >= next ? issuedNumber : next;
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
