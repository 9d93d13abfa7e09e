import type { OrgUnit } from '@shared/api';

/** The unit and every unit below it, parents before children: whose rosters the user keeps. */
export function unitsInScope(units: readonly OrgUnit[], rootId: string): OrgUnit[] {
  const children = new Map<string, OrgUnit[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  const root = units.find((unit) => unit.id === rootId);
  if (!root) return [];
  const ordered: OrgUnit[] = [];
  const walk = (unit: OrgUnit) => {
    ordered.push(unit);
    for (const child of children.get(unit.id) ?? []) walk(child);
  };
  walk(root);
  return ordered;
}
