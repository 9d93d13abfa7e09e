import type { MethodOutput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { CallContext } from '../core/runtime';
import { mergedInto } from './repository';
import { residentInScope } from './service';

/**
 * 已合并 on the resident page: the records of the same person merged into this one because another
 * terminal registered the same document (hub/pull/resident-merge.ts), with the unit that registered
 * each and the day. Asked of a record the caller may open, as residents.get is, and never with the
 * merged record's document number: it is the survivor's, which the page shows masked beside it.
 */
export async function mergedRecords(
  ctx: CallContext,
  requested: string,
): Promise<MethodOutput<'residents.merged'>> {
  const id = await mergedInto(ctx.rt.db, requested);
  await residentInScope(ctx, id, 'residents.merged');
  const rows = await ctx.rt.db
    .selectFrom('resident_aliases as a')
    .innerJoin('residents as r', 'r.id', 'a.alias_id')
    .leftJoin('org_units as o', 'o.id', 'r.org_unit_id')
    .select(['r.created_at', 'o.name as unit_name'])
    .where('a.resident_id', '=', id)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    unitName: row.unit_name ?? null,
    registeredOn: shanghaiDate(row.created_at),
  }));
}
