import type { RosterEntry } from '@shared/sync/reference-contract';
import { insertSynced, updateSynced } from '../../core/synced-writes';
import type { ReferenceApplier } from '../../hub/applier-context';
import type { MediatorRow } from './team-repository';

/** The columns the county's roster owns; user_id (a local account) and the sync columns are the terminal's. */
function countyColumns(entry: RosterEntry) {
  return {
    name: entry.name,
    gender: entry.gender,
    phone: entry.phone,
    committee_kind: entry.committeeKind,
    background: entry.background,
    specialties: JSON.stringify(entry.specialties),
    active: entry.active ? 1 : 0,
    note: entry.note,
    county_registered: 1,
  };
}

function sameAs(row: MediatorRow, orgUnitId: string, columns: ReturnType<typeof countyColumns>) {
  return (
    row.org_unit_id === orgUnitId &&
    (Object.keys(columns) as (keyof typeof columns)[]).every((key) => row[key] === columns[key])
  );
}

/**
 * The county's roster as this terminal's hub scope sees it. Entries keep the hub's ids, so a
 * mediator is one record at the county, the township and its villages. Entries the edition no
 * longer lists are deactivated, never deleted: disputes name their mediators. Entries this
 * terminal added itself (county_registered 0) are not the county's to change.
 */
export const applyRosterEdition: ReferenceApplier<'roster'> = async (trx, edition, context) => {
  const entries = edition.payload.entries;
  // By code rather than by orgUnitIdFromDivisionCode: the same unit on an enrolled terminal, and
  // also on one whose units a rematch after a standalone start has not renamed yet.
  const codes = [...new Set(entries.map((entry) => entry.orgUnitCode))];
  const unitIds = new Map(
    (
      await trx
        .selectFrom('org_units')
        .select(['id', 'code'])
        .where('code', 'in', codes.length > 0 ? codes : [''])
        .where('deleted_at', 'is', null)
        .execute()
    ).map((unit) => [unit.code, unit.id]),
  );
  const stored = new Map(
    (await trx.selectFrom('mediators').selectAll().where('deleted_at', 'is', null).execute()).map(
      (row) => [row.id, row],
    ),
  );
  const listed = new Set<string>();
  let added = 0;
  let updated = 0;
  let skipped = 0;
  for (const entry of entries) {
    const orgUnitId = unitIds.get(entry.orgUnitCode);
    if (!entry.id || !orgUnitId) {
      skipped += 1;
      continue;
    }
    listed.add(entry.id);
    const columns = countyColumns(entry);
    const row = stored.get(entry.id);
    if (!row) {
      await insertSynced(
        trx,
        context.stamp,
        'mediators',
        orgUnitId,
        { ...columns, user_id: null },
        { id: entry.id },
      );
      added += 1;
    } else if (!sameAs(row, orgUnitId, columns)) {
      await updateSynced(trx, context.stamp, 'mediators', row, {
        ...columns,
        org_unit_id: orgUnitId,
      });
      updated += 1;
    }
  }
  let deactivated = 0;
  for (const row of stored.values()) {
    if (row.county_registered !== 1 || row.active !== 1 || listed.has(row.id)) continue;
    await updateSynced(trx, context.stamp, 'mediators', row, { active: 0 });
    deactivated += 1;
  }
  const summary = `调解员 ${listed.size} 人（新增 ${added}、更新 ${updated}、停用 ${deactivated}）`;
  return skipped > 0 ? `${summary}；${skipped} 人所属单位不在本终端，未载入` : summary;
};
