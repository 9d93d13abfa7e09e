import type { Transaction, Updateable } from 'kysely';
import type { OrgTreeEdition } from '@shared/sync/hub-contract';
import { insertSynced, updateSynced } from '../core/synced-writes';
import type { Database } from '../db/schema';
import type { ApplyContext } from '../hub/applier-context';

export interface OrgTreeApplied {
  /** For the audit entry and the edition's record, e.g. 组织机构 52 个单位（新增 1、更名 1…）. */
  summary: string;
  /** Said to the person when the county's tree lacks this terminal's own unit; null when fine. */
  warning: string | null;
}

/**
 * Brings the terminal's org units to the county's published tree. Units are matched by division code,
 * so a unit keeps the id it has (a standalone terminal's own ids are re-pointed by a step of its own);
 * a new one gets the hub's. A unit the tree no longer has is retired, never deleted: its records keep
 * it. This terminal's own unit is never retired: the county is told, and the terminal works on.
 */
export async function applyOrgTreeEdition(
  trx: Transaction<Database>,
  tree: OrgTreeEdition,
  context: ApplyContext,
): Promise<OrgTreeApplied> {
  const rows = await trx
    .selectFrom('org_units')
    .select(['id', 'version', 'code', 'name', 'level', 'parent_id', 'retired_at'])
    .where('deleted_at', 'is', null)
    .execute();
  const localOfCode = new Map(rows.map((row) => [row.code, row]));
  const idOfCode = new Map(rows.map((row) => [row.code, row.id]));
  const codeOfHubId = new Map(tree.units.map((unit) => [unit.id, unit.code]));
  const counts = { added: 0, renamed: 0, moved: 0, retired: 0, restored: 0 };
  // Parents before children: a new unit's parent exists by the time it is written.
  for (const unit of [...tree.units].sort((a, b) => a.code.length - b.code.length)) {
    const parentCode = unit.parentId ? codeOfHubId.get(unit.parentId) : undefined;
    const parentId = parentCode ? (idOfCode.get(parentCode) ?? null) : null;
    const local = localOfCode.get(unit.code);
    if (!local) {
      const values = { code: unit.code, name: unit.name, level: unit.level, parent_id: parentId };
      await insertSynced(trx, context.stamp, 'org_units', unit.id, values, { id: unit.id });
      idOfCode.set(unit.code, unit.id);
      counts.added += 1;
      continue;
    }
    const set: Updateable<Database['org_units']> = {};
    if (local.name !== unit.name) {
      set.name = unit.name;
      counts.renamed += 1;
    }
    if (local.parent_id !== parentId) {
      set.parent_id = parentId;
      counts.moved += 1;
    }
    if (local.level !== unit.level) set.level = unit.level;
    if (local.retired_at !== null) {
      set.retired_at = null;
      counts.restored += 1;
    }
    if (Object.keys(set).length > 0)
      await updateSynced(trx, context.stamp, 'org_units', local, set);
  }
  const published = new Set(tree.units.map((unit) => unit.code));
  let warning: string | null = null;
  for (const row of rows) {
    if (published.has(row.code) || row.retired_at !== null) continue;
    if (row.code === context.ownUnitCode) {
      warning = `县级平台发布的组织机构（第 ${tree.edition} 版）中没有本单位${row.name}（${row.code}），本单位未作改动。请联系县级中心核对`;
      continue;
    }
    await updateSynced(trx, context.stamp, 'org_units', row, { retired_at: context.nowIso });
    counts.retired += 1;
  }
  const parts = [
    `新增 ${counts.added}`,
    `更名 ${counts.renamed}`,
    `调整上级 ${counts.moved}`,
    `撤销 ${counts.retired}`,
    ...(counts.restored > 0 ? [`恢复 ${counts.restored}`] : []),
  ];
  const summary = `单位 ${tree.units.length} 个（${parts.join('、')}）${warning ? '；本单位不在其中，未改动' : ''}`;
  return { summary, warning };
}
