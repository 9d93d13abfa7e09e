import type {
  MethodParsedInput,
  ServiceItemDetail,
  ServiceItemSummary,
  ServiceItemVersion,
} from '@shared/api';
import {
  checkServiceItemRules,
  SERVICE_CATEGORIES,
  type ServiceItemFields,
} from '@shared/domain/catalogue/service-item';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { ensureInScope, requireTerminal, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import type { Database } from '../db/schema';
import type { Transaction } from 'kysely';
import { toVersion } from './fields';
import { catalogueAuthority, ensureIssuedHere, isCountyIssuer, terminalIssuers } from './issuer';
import { aliasColumns, createItem, reviseItem, setItemActive } from './item-writes';
import {
  findItem,
  findVersion,
  listSummaries,
  listVersionHeads,
  type SummaryFilter,
  type SummaryRow,
} from './repository';

/** The applier of the county's catalogue editions, which the hub's sync cycle runs. */
export { applyCatalogueEdition } from './hub-edition';

const CODE_LIKE = /^[A-Za-z0-9._-]+$/;

/** Code-like text searches codes and pinyin initials; anything else the names and aliases. */
function catalogueSearch(query: string): SummaryFilter['search'] {
  // NFKC: full-width letters and digits typed with a Chinese input method become plain ones.
  const text = query.normalize('NFKC').trim();
  if (text === '') return { kind: 'none' };
  if (CODE_LIKE.test(text)) {
    return { kind: 'code', text, initials: text.toLowerCase().replace(/[^a-z0-9]/g, '') };
  }
  return { kind: 'name', text };
}

function parseAliases(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((alias) => typeof alias === 'string') : [];
}

/** The shipped categories in the order the item picker groups them; others after, by name. */
function categoryRank(category: string): number {
  const index = (SERVICE_CATEGORIES as readonly string[]).indexOf(category);
  return index === -1 ? SERVICE_CATEGORIES.length : index;
}

function byCategoryThenCode(a: SummaryRow, b: SummaryRow): number {
  return (
    categoryRank(a.category) - categoryRank(b.category) ||
    a.category.localeCompare(b.category) ||
    a.code.localeCompare(b.code) ||
    // A township's own item that shares a county item's code comes after the county's.
    a.issuer_code.length - b.issuer_code.length
  );
}

type MayChange = (issuerCode: string) => boolean;

async function authorityHere(ctx: CallContext): Promise<MayChange> {
  const db = ctx.rt.db;
  return catalogueAuthority(db, await terminalIssuers(db, requireTerminal(ctx.rt).orgUnitId));
}

function issuerOf(issuerCode: string, mayChange: MayChange) {
  return { countyIssued: isCountyIssuer(issuerCode), editable: mayChange(issuerCode) };
}

function toSummary(row: SummaryRow, mayChange: MayChange): ServiceItemSummary {
  return {
    ...issuerOf(row.issuer_code, mayChange),
    id: row.id,
    code: row.code,
    name: row.name,
    category: row.category,
    department: row.department,
    type: row.type,
    promisedDays: row.promised_days,
    agencyAllowed: row.agency_allowed === 1,
    active: row.active === 1,
    aliases: parseAliases(row.aliases),
    versionId: row.version_id,
    versionNumber: row.version_number,
  };
}

export async function listItems(
  ctx: CallContext,
  input: MethodParsedInput<'catalogue.list'>,
): Promise<ServiceItemSummary[]> {
  const rows = await listSummaries(ctx.rt.db, {
    includeInactive: input.includeInactive,
    agencyOnly: input.agencyOnly,
    category: input.category || undefined,
    search: catalogueSearch(input.query),
  });
  const mayChange = await authorityHere(ctx);
  return rows.sort(byCategoryThenCode).map((row) => toSummary(row, mayChange));
}

export async function itemDetail(ctx: CallContext, itemId: string): Promise<ServiceItemDetail> {
  const db = ctx.rt.db;
  const item = await findItem(db, itemId);
  const version = item && (await findVersion(db, item.current_version_id));
  if (!item || !version) throw new DomainError('NOT_FOUND', '找不到该事项');
  const heads = await listVersionHeads(db, item.id);
  return {
    ...toVersion(version),
    ...issuerOf(item.issuer_code, await authorityHere(ctx)),
    active: item.active === 1,
    aliases: parseAliases(item.aliases),
    versions: heads.map((head) => ({
      versionId: head.id,
      number: head.number,
      createdAt: head.created_at,
      createdBy: head.created_by_name,
    })),
  };
}

export async function getVersion(ctx: CallContext, versionId: string): Promise<ServiceItemVersion> {
  const version = await findVersion(ctx.rt.db, versionId);
  if (!version) throw new DomainError('NOT_FOUND', '找不到该事项版本');
  return toVersion(version);
}

/** The rules that span fields, answered as SERVICE_ITEM_INVALID keyed like the input's paths. */
function ensureItemRules(fields: ServiceItemFields): void {
  const problems = checkServiceItemRules(fields);
  const first = problems[0];
  if (!first) return;
  const byField: Record<string, string> = {};
  for (const problem of problems)
    byField[['fields', ...problem.path].join('.')] ??= problem.message;
  throw new DomainError('SERVICE_ITEM_INVALID', first.message, byField);
}

async function editableItem(ctx: CallContext, itemId: string) {
  const item = await findItem(ctx.rt.db, itemId);
  if (!item) throw new DomainError('NOT_FOUND', '找不到该事项');
  await ensureInScope(ctx, item.org_unit_id);
  ensureIssuedHere(item, await authorityHere(ctx));
  return item;
}

export async function saveItem(
  ctx: CallContext,
  input: MethodParsedInput<'catalogue.save'>,
): Promise<ServiceItemDetail> {
  const { fields } = input;
  ensureItemRules(fields);
  const stamp = stampOf(ctx);
  const item = input.itemId ? await editableItem(ctx, input.itemId) : null;
  // New items belong to the terminal's unit, which issues them: the catalogue is the centre's, not a clerk's.
  const ownerId = item?.org_unit_id ?? requireTerminal(ctx.rt).orgUnitId;
  if (!item) await ensureInScope(ctx, ownerId);
  const { own } = await terminalIssuers(ctx.rt.db, requireTerminal(ctx.rt).orgUnitId);
  const itemId = await ctx.rt.db.transaction().execute(async (trx) => {
    if (!item) {
      const id = await createItem(trx, stamp, ownerId, own, fields);
      await audit(trx, ctx, 'catalogue.create', id, `${fields.code} ${fields.name}`);
      return id;
    }
    // Re-read inside the transaction: the outbox's base version must be the one being replaced.
    const fresh = (await findItem(trx, item.id)) ?? item;
    const revision = await reviseItem(trx, stamp, fresh, fields);
    if (revision.kind === 'revised') {
      const what = [
        revision.number ? `第 ${revision.number} 版` : null,
        fields.code !== item.code ? `编码 ${item.code} → ${fields.code}` : null,
        aliasColumns(fields.aliases).aliases !== item.aliases
          ? `别名 ${fields.aliases.join('、') || '无'}`
          : null,
      ].filter((part) => part !== null);
      await audit(
        trx,
        ctx,
        'catalogue.update',
        item.id,
        `${fields.code} ${fields.name}：${what.join('；')}`,
      );
    }
    return item.id;
  });
  return itemDetail(ctx, itemId);
}

export async function setActive(
  ctx: CallContext,
  itemId: string,
  active: boolean,
): Promise<ServiceItemDetail> {
  const item = await editableItem(ctx, itemId);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    const fresh = (await findItem(trx, item.id)) ?? item;
    if (!(await setItemActive(trx, stamp, fresh, active))) return;
    await audit(
      trx,
      ctx,
      active ? 'catalogue.activate' : 'catalogue.deactivate',
      item.id,
      `${item.code} ${item.name}`,
    );
  });
  return itemDetail(ctx, item.id);
}

async function audit(
  trx: Transaction<Database>,
  ctx: CallContext,
  action: string,
  itemId: string,
  detail: string,
) {
  await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, requireTerminal(ctx.rt).terminalId, {
    action,
    objectType: 'service_item',
    objectId: itemId,
    detail,
  });
}
