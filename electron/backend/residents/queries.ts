import type { MethodParsedInput, MethodOutput, ResidentSummary } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { validateDocument, type DocumentType } from '@shared/domain/identity/documents';
import { normaliseIdNumber } from '@shared/domain/identity/resident-id';
import type { CallContext } from '../core/runtime';
import { exactDocumentOrPhone, findViewByDocument, viewsByRowid } from './repository';
import { searchPage } from './search';
import { classifyResidentSearch } from './search-query';
import { toSummary } from './view';

type SearchOutput = MethodOutput<'residents.search'>;

/** The counter types or pastes the number first: a known resident fills in, an unknown one is null. */
export async function findByDocument(
  ctx: CallContext,
  docType: DocumentType,
  docNumber: string,
): Promise<ResidentSummary | null> {
  // A valid number in its stored form (a 15-digit ID becomes its 18-digit successor); else as typed.
  const checked = validateDocument(docType, docNumber, shanghaiDate(ctx.rt.stamper.clock.now()));
  const number = checked.ok ? checked.value.number : normaliseIdNumber(docNumber);
  const row = await findViewByDocument(ctx.rt.db, docType, number);
  return row ? toSummary(row) : null;
}

export async function searchResidents(
  ctx: CallContext,
  input: MethodParsedInput<'residents.search'>,
): Promise<SearchOutput> {
  const search = classifyResidentSearch(input.query);
  const offset = (input.page - 1) * input.pageSize;
  if (search.kind !== 'document') {
    const page = await searchPage(ctx.rt.db, search, input.pageSize, offset);
    return {
      rows: page.rows.map(toSummary),
      total: page.total,
      totalIsLowerBound: page.isLowerBound,
    };
  }
  // The exact document number or phone first, then every number that contains what was typed.
  const exact = await exactDocumentOrPhone(ctx.rt.db, search.text, search.phone);
  const exactRows = (await viewsByRowid(ctx.rt.db, exact)).slice(offset, offset + input.pageSize);
  if (search.match === null) {
    return { rows: exactRows.map(toSummary), total: exact.length, totalIsLowerBound: false };
  }
  const rest = await searchPage(
    ctx.rt.db,
    { kind: 'fulltext', match: search.match },
    input.pageSize - exactRows.length,
    Math.max(0, offset - exact.length),
    exact,
  );
  return {
    rows: [...exactRows, ...rest.rows].map(toSummary),
    total: exact.length + rest.total,
    totalIsLowerBound: rest.isLowerBound,
  };
}
