/**
 * What a standalone terminal's re-matching rewrites: every column that holds the id of an org unit,
 * a service item, an item version or a mediation-settings row. targets.test.ts reads the schema and
 * fails when a column that references one of them (a foreign key, or a name like *_org_id,
 * unit_id, item_id, *_version_id) is neither here nor in NOT_REFERENCES, so that a table added
 * later cannot be forgotten.
 *
 * `id`: the column holds one id, rewritten through the old → new map. `text`: the column holds
 * JSON or free text in which ids may appear (a pending change-log payload, a form draft), and
 * every mapped id in it is replaced. `unpushed`: only change-log entries not yet sent to the hub;
 * those it has seen are history under the ids it saw. The audit log is never rewritten: it is
 * append-only and hash-chained, and the step's own audit entry names the backup with the old ids.
 *
 * Listed in the order they run: resident_access before residents, whose village trigger would
 * otherwise move the village's entries itself and leave its `filed` ones behind.
 */

import { SYNCED_TABLES } from '../../core/changes';

export type RepointKind = 'orgUnit' | 'serviceItem' | 'serviceItemVersion' | 'mediationSettings';

export interface RepointTarget {
  table: string;
  column: string;
  /** What the column refers to; `text` when any of them may appear inside it. */
  refers: RepointKind | 'text';
  unpushed?: true;
}

/** The table whose primary key each kind is. */
export const KIND_TABLES: Record<RepointKind, string> = {
  orgUnit: 'org_units',
  serviceItem: 'service_items',
  serviceItemVersion: 'service_item_versions',
  mediationSettings: 'mediation_settings',
};

export const REPOINT_TARGETS: readonly RepointTarget[] = [
  { table: 'org_units', column: 'id', refers: 'orgUnit' },
  { table: 'service_items', column: 'id', refers: 'serviceItem' },
  { table: 'service_item_versions', column: 'id', refers: 'serviceItemVersion' },
  { table: 'mediation_settings', column: 'id', refers: 'mediationSettings' },
  // Every synced table: its owning unit is org_unit_id.
  ...SYNCED_TABLES.map((table) => ({ table, column: 'org_unit_id', refers: 'orgUnit' as const })),
  { table: 'org_units', column: 'parent_id', refers: 'orgUnit' },
  { table: 'service_items', column: 'current_version_id', refers: 'serviceItemVersion' },
  { table: 'service_item_versions', column: 'item_id', refers: 'serviceItem' },
  { table: 'resident_access', column: 'unit_id', refers: 'orgUnit' },
  { table: 'residents', column: 'village_org_id', refers: 'orgUnit' },
  { table: 'cases', column: 'item_id', refers: 'serviceItem' },
  { table: 'cases', column: 'item_version_id', refers: 'serviceItemVersion' },
  { table: 'cases', column: 'agency_org_id', refers: 'orgUnit' },
  { table: 'disputes', column: 'registered_org_id', refers: 'orgUnit' },
  { table: 'dispute_readers', column: 'reader_org_id', refers: 'orgUnit' },
  { table: 'dispute_events', column: 'from_org_id', refers: 'orgUnit' },
  { table: 'dispute_events', column: 'to_org_id', refers: 'orgUnit' },
  { table: 'event_reports', column: 'receiving_org_id', refers: 'orgUnit' },
  // A committee's dispute numbers count per unit id: dispute:<org unit id>:<year>:<terminal>.
  { table: 'case_sequences', column: 'scope', refers: 'text' },
  { table: 'settings', column: 'value', refers: 'text' },
  { table: 'form_drafts', column: 'data', refers: 'text' },
  { table: 'outbox', column: 'record_id', refers: 'text', unpushed: true },
  { table: 'outbox', column: 'org_unit_id', refers: 'orgUnit', unpushed: true },
  { table: 'outbox', column: 'payload', refers: 'text', unpushed: true },
];

/** Columns whose names look like a reference but are not one, with the reason. */
export const NOT_REFERENCES: Readonly<Record<string, string>> = {
  'cases.item_name': 'the item’s name as it was when the case was opened',
  'cases.item_type': 'the item’s type as it was when the case was opened',
  'cases_fts.item_name': 'the search index of cases.item_name',
  'sync_pull_held.record_id': 'a pulled business record (a case, a dispute…), never an org unit',
  'sync_problems.record_id':
    'a business record the hub refused; empty when a standalone terminal joins, as nothing was pushed',
};
