import type { MethodParsedInput, MethodOutput, ResidentSummary } from '@shared/api';
import { SEARCH_TOTAL_CAP } from '@shared/api/methods/common';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { validateDocument, type DocumentType } from '@shared/domain/identity/documents';
import { normaliseIdNumber } from '@shared/domain/identity/resident-id';
import { maskName } from '@shared/domain/privacy/masking';
import { appendAudit } from '../audit/service';
import { DomainError } from '../core/errors';
import { requireTerminal } from '../core/guards';
import type { CallContext } from '../core/runtime';
import { exactDocumentOrPhone, findViewByDocument, viewsByRowid } from './repository';
import { residentIsInScope, residentScope } from './scope';
import { searchPage } from './search';
import { classifyResidentSearch } from './search-query';
import { toSummary } from './view';

type SearchOutput = MethodOutput<'residents.search'>;

const todayOf = (ctx: CallContext) => shanghaiDate(ctx.rt.stamper.clock.now());

async function audit(ctx: CallContext, action: string, detail: string, denied = false) {
  await ctx.rt.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, requireTerminal(ctx.rt).terminalId, {
      action,
      objectType: 'resident',
      outcome: denied ? 'denied' : 'success',
      detail,
    }),
  );
}

/**
 * The counter types or pastes the number first: a known resident fills in, an unknown one is null.
 * The whole number is proof enough that the resident stands at the desk, so a village agent finds
 * a resident of another village here to file for (then the resident is in its scope: scope.ts);
 * such a look-up is audited, and answers the masked summary only.
 */
export async function findByDocument(
  ctx: CallContext,
  docType: DocumentType,
  docNumber: string,
): Promise<ResidentSummary | null> {
  // A valid number in its stored form (a 15-digit ID becomes its 18-digit successor); else as typed.
  const checked = validateDocument(docType, docNumber, todayOf(ctx));
  const number = checked.ok ? checked.value.number : normaliseIdNumber(docNumber);
  const row = await findViewByDocument(ctx.rt.db, docType, number);
  if (!row) return null;
  if (!(await residentIsInScope(ctx, await residentScope(ctx), row))) {
    await audit(
      ctx,
      'residents.findByDocument',
      `按完整证件号码查到本单位以外的群众${maskName(row.name)}`,
    );
  }
  return toSummary(row, todayOf(ctx));
}

/**
 * Whatever the query, no page starts past the count's cap: a pager walking the whole register (a
 * two-character address bigram matches most of it) is how a register is copied out. Browsing with no
 * search term past its first page is audited, and a request past the cap is refused and audited.
 */
async function checkPaging(ctx: CallContext, input: MethodParsedInput<'residents.search'>) {
  const offset = (input.page - 1) * input.pageSize;
  const browsing = input.query.trim() === '';
  if (offset >= SEARCH_TOTAL_CAP) {
    await audit(
      ctx,
      'residents.search',
      `翻页超出上限：${browsing ? '未输入查找条件' : '查找'}，第 ${input.page} 页（每页 ${input.pageSize} 条）`,
      true,
    );
    const message = `最多可翻看前 ${SEARCH_TOTAL_CAP} 条，请输入姓名、拼音首字母或完整证件号码、电话缩小范围`;
    throw new DomainError('RESIDENT_BROWSE_CAPPED', message, { page: message });
  }
  if (browsing && input.page > 1) {
    await audit(
      ctx,
      'residents.search',
      `浏览全部档案，第 ${input.page} 页（每页 ${input.pageSize} 条）`,
    );
  }
  return offset;
}

export async function searchResidents(
  ctx: CallContext,
  input: MethodParsedInput<'residents.search'>,
): Promise<SearchOutput> {
  const search = classifyResidentSearch(input.query);
  const offset = await checkPaging(ctx, input);
  const scope = await residentScope(ctx);
  const today = todayOf(ctx);
  if (search.kind !== 'document') {
    const page = await searchPage(ctx.rt.db, search, input.pageSize, offset, scope);
    return {
      rows: page.rows.map((row) => toSummary(row, today)),
      total: page.total,
      totalIsLowerBound: page.isLowerBound,
    };
  }
  // A whole number: the document and the phone, each exactly on its index.
  const exact = await exactDocumentOrPhone(ctx.rt.db, search.text, search.phone, scope);
  const rows = await viewsByRowid(ctx.rt.db, exact.slice(offset, offset + input.pageSize));
  return {
    rows: rows.map((row) => toSummary(row, today)),
    total: exact.length,
    totalIsLowerBound: false,
  };
}
