import type { MethodOutput, MethodParsedInput, ResidentDetail } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { parsePhone } from '@shared/domain/contact/phone';
import {
  DOCUMENT_TYPE_LABELS,
  validateDocument,
  type DocumentType,
  type IdentityDocument,
} from '@shared/domain/identity/documents';
import { maskDocument, maskName } from '@shared/domain/privacy/masking';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { ensureInScope, requireTerminal, requireUser, stampOf } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { insertSynced, updateSynced } from '../core/synced-writes';
import {
  findLookAlikes,
  findResidentRow,
  mergedInto,
  findResidentView,
  findViewByDocument,
  residentRowid,
  type ResidentRow,
} from './repository';
import { ensureResidentInScope, residentScope } from './scope';
import { indexResident, reindexResident, residentInitials } from './search-index';
import { toDetail } from './view';
import type { Db } from '../db/queryable';

function checkedDocument(type: DocumentType, number: string, today: string): IdentityDocument {
  const checked = validateDocument(type, number, today);
  if (!checked.ok) {
    throw new DomainError('DOCUMENT_INVALID', checked.error.message, {
      docNumber: checked.error.message,
    });
  }
  return checked.value;
}

/** The canonical form that is stored, so that a search by phone finds it however it was typed. */
function checkedPhone(phone: string | null): string | null {
  if (phone === null || phone.trim() === '') return null;
  const parsed = parsePhone(phone);
  if (!parsed.ok) {
    throw new DomainError('PHONE_INVALID', parsed.error.message, { phone: parsed.error.message });
  }
  return parsed.value.number;
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value;
}

/** The record as screens show it; callers have checked the scope (or just wrote the record). */
async function detailOf(ctx: CallContext, id: string): Promise<ResidentDetail> {
  const row = await findResidentView(ctx.rt.db, id);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该群众档案');
  return toDetail(row, shanghaiDate(ctx.rt.stamper.clock.now()));
}

/**
 * The live record, if the caller may see it (scope.ts); a refusal is audited, since paging through
 * other villages' residents by id is what it stops.
 */
export async function residentInScope(ctx: CallContext, id: string, action: string) {
  const row = await findResidentRow(ctx.rt.db, id);
  if (!row) throw new DomainError('NOT_FOUND', '找不到该群众档案');
  try {
    await ensureResidentInScope(ctx, await residentScope(ctx), row);
  } catch (refusal) {
    await ctx.rt.db.transaction().execute((trx) =>
      appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, requireTerminal(ctx.rt).terminalId, {
        action,
        objectType: 'resident',
        objectId: row.id,
        outcome: 'denied',
        detail: '该群众档案不在本人管理范围内',
      }),
    );
    throw refusal;
  }
  return row;
}

/**
 * A record merged into another one (the same document registered at two terminals, see
 * hub/pull/resident-merge.ts) opens as the record it was merged into.
 */
export async function residentDetail(ctx: CallContext, requested: string): Promise<ResidentDetail> {
  const id = await mergedInto(ctx.rt.db, requested);
  await residentInScope(ctx, id, 'residents.get');
  return detailOf(ctx, id);
}

async function ensureNoDuplicate(
  trx: Db,
  document: IdentityDocument,
  name: string,
  villageOrgId: string | null,
  confirmed: boolean,
): Promise<void> {
  const holder = await findViewByDocument(trx, document.type, document.number);
  if (holder) {
    const message = `该${DOCUMENT_TYPE_LABELS[document.type]}号码已登记在“${maskName(holder.name)}”的档案中，请直接选用该档案`;
    throw new DomainError('DOCUMENT_TAKEN', message, { docNumber: message });
  }
  // Only a document that states the birth date can be compared on it.
  if (confirmed || document.birthDate === null) return;
  const lookAlikes = await findLookAlikes(trx, name, document.birthDate, villageOrgId);
  if (lookAlikes.length === 0) return;
  // No masked numbers here: beside the birth date just typed, a mask would be the whole number.
  const message = `已有 ${lookAlikes.length} 份姓名、出生日期和所属村（社区）都相同的档案，请按姓名查找核对是否为同一人；确认不是同一人的，请勾选“确认不是重复档案”后再保存`;
  throw new DomainError('RESIDENT_POSSIBLE_DUPLICATE', message, { confirmNotDuplicate: message });
}

export async function createResident(
  ctx: CallContext,
  input: MethodParsedInput<'residents.create'>,
): Promise<ResidentDetail> {
  requireUser(ctx.actor);
  const terminal = requireTerminal(ctx.rt);
  const document = checkedDocument(
    input.docType,
    input.docNumber,
    shanghaiDate(ctx.rt.stamper.clock.now()),
  );
  const phone = checkedPhone(input.phone);
  const villageOrgId = blankToNull(input.villageOrgId);
  if (villageOrgId !== null) await ensureInScope(ctx, villageOrgId);
  const stamp = stampOf(ctx);
  const values = {
    doc_type: document.type,
    doc_number: document.number,
    name: input.name,
    gender: document.gender,
    birth_date: document.birthDate,
    phone,
    address: blankToNull(input.address),
    village_org_id: villageOrgId,
    ethnicity: blankToNull(input.ethnicity),
    initials: residentInitials(input.name),
  };
  await ctx.rt.db
    .transaction()
    .execute((trx) =>
      ensureNoDuplicate(trx, document, input.name, villageOrgId, input.confirmNotDuplicate),
    )
    .catch(async (refusal: unknown) => {
      // The warning confirms that someone of this name and village has the birth date typed:
      // probing it leaves an entry, as a reveal would.
      if (refusal instanceof DomainError && refusal.code === 'RESIDENT_POSSIBLE_DUPLICATE') {
        await ctx.rt.db.transaction().execute((trx) =>
          appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, terminal.terminalId, {
            action: 'residents.create',
            objectType: 'resident',
            outcome: 'failure',
            detail: `${maskName(input.name)}：提示可能与已有档案重复`,
          }),
        );
      }
      throw refusal;
    });
  const residentId = await ctx.rt.db.transaction().execute(async (trx) => {
    await ensureNoDuplicate(trx, document, input.name, villageOrgId, input.confirmNotDuplicate);
    // The terminal's unit owns its residents: every counter and village point of it serves them.
    const id = await insertSynced(trx, stamp, 'residents', terminal.orgUnitId, values);
    await indexResident(trx, { ...values, rowid: await residentRowid(trx, id) });
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, terminal.terminalId, {
      action: 'residents.create',
      objectType: 'resident',
      objectId: id,
      detail: `${maskName(values.name)}，${DOCUMENT_TYPE_LABELS[document.type]} ${maskDocument(document.type, document.number)}`,
    });
    return id;
  });
  return detailOf(ctx, residentId);
}

const FIELD_LABELS = {
  name: '姓名',
  phone: '联系电话',
  address: '住址',
  village_org_id: '所属村（社区）',
  ethnicity: '民族',
} as const;

type EditableColumn = keyof typeof FIELD_LABELS;

export async function updateResident(
  ctx: CallContext,
  input: MethodParsedInput<'residents.update'>,
): Promise<ResidentDetail> {
  requireUser(ctx.actor);
  const found = await residentInScope(ctx, input.residentId, 'residents.update');
  const edited: Pick<ResidentRow, EditableColumn> = {
    name: input.name,
    phone: input.phone === undefined ? found.phone : checkedPhone(input.phone),
    address: blankToNull(input.address),
    village_org_id: blankToNull(input.villageOrgId),
    ethnicity: blankToNull(input.ethnicity),
  };
  // A record already in another village stays editable; moving it is limited to the caller's units.
  if (edited.village_org_id !== null && edited.village_org_id !== found.village_org_id) {
    await ensureInScope(ctx, edited.village_org_id);
  }
  const changed = (Object.keys(FIELD_LABELS) as EditableColumn[]).filter(
    (column) => edited[column] !== found[column],
  );
  if (changed.length === 0) return detailOf(ctx, found.id);
  const stamp = stampOf(ctx);
  await ctx.rt.db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: the index entries to replace are those of the row as it is.
    const before = (await findResidentRow(trx, found.id)) ?? found;
    await reindexResident(trx, before, { ...before, ...edited });
    await updateSynced(trx, stamp, 'residents', before, {
      ...edited,
      initials: residentInitials(edited.name),
    });
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, stamp.terminal.terminalId, {
      action: 'residents.update',
      objectType: 'resident',
      objectId: before.id,
      detail: `${maskName(edited.name)}：修改${changed.map((column) => FIELD_LABELS[column]).join('、')}`,
    });
  });
  return detailOf(ctx, found.id);
}

const REVEAL_LABELS = { docNumber: '证件号码', phone: '联系电话' } as const;

/**
 * The full value for a task that needs it; the audit entry names the field and reason, never the
 * value. The whole document number comes with the birth date, which beside it hides nothing.
 */
export async function revealResident(
  ctx: CallContext,
  input: MethodParsedInput<'residents.reveal'>,
): Promise<MethodOutput<'residents.reveal'>> {
  requireUser(ctx.actor);
  const row = await residentInScope(ctx, input.residentId, 'residents.reveal');
  await ctx.rt.db.transaction().execute(async (trx) => {
    await appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, requireTerminal(ctx.rt).terminalId, {
      action: 'residents.reveal',
      objectType: 'resident',
      objectId: row.id,
      detail: `查看${maskName(row.name)}的完整${REVEAL_LABELS[input.field]}；事由：${input.reason || '未填写'}`,
    });
  });
  return input.field === 'docNumber'
    ? { value: row.doc_number, birthDate: row.birth_date }
    : { value: row.phone, birthDate: null };
}
