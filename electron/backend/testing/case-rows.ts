import { sql, type Kysely } from 'kysely';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import { pinyinInitials } from '@shared/domain/search/pinyin-initials';
import type { Database, SyncColumns } from '../db/schema';
import { indexResident, residentInitials } from '../residents/search-index';
import { indexCaseForSearch } from '../cases/service';

/**
 * Test data for the case lists, written as intake and the workflow leave it (row, search entry,
 * timeline), so that a test can set up years of history and any clock state in a few lines.
 */

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${String(counter).padStart(6, '0')}`;
}

function sync(orgUnitId: string, at: string, by: string | null, id = nextId('row')): SyncColumns {
  return {
    id,
    org_unit_id: orgUnitId,
    created_at: at,
    created_by: by,
    updated_at: at,
    updated_by: by,
    origin_terminal_id: 'terminal-test',
    version: `${at}-0000-test`,
    deleted_at: null,
  };
}

export async function addOrgUnit(
  db: Kysely<Database>,
  unit: { code: string; name: string; level: 'township' | 'village'; parentId: string | null },
): Promise<string> {
  const id = nextId('org');
  const { parentId, ...fields } = unit;
  await db
    .insertInto('org_units')
    .values({ ...sync(id, '2026-01-01T00:00:00.000Z', null, id), ...fields, parent_id: parentId })
    .execute();
  return id;
}

export async function addItem(
  db: Kysely<Database>,
  orgUnitId: string,
  item: { code: string; name: string; promisedDays?: number },
): Promise<{ itemId: string; versionId: string; name: string }> {
  const itemId = nextId('item');
  const versionId = nextId('version');
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('service_items')
    .values({
      ...sync(orgUnitId, at, null, itemId),
      code: item.code,
      current_version_id: versionId,
      active: 1,
      name: item.name,
      category: '社会保障',
      initials: pinyinInitials(item.name),
    })
    .execute();
  await db
    .insertInto('service_item_versions')
    .values({
      ...sync(orgUnitId, at, null, versionId),
      item_id: itemId,
      number: 1,
      name: item.name,
      category: '社会保障',
      department: '民政办',
      type: 'promised',
      promised_days: item.promisedDays ?? 5,
      statutory_days: 20,
      fee_fen: 0,
      agency_allowed: 1,
      basis: '',
      materials: '[]',
    })
    .execute();
  return { itemId, versionId, name: item.name };
}

/** A resident with the search entries the residents' repository keeps. */
export async function addResident(
  db: Kysely<Database>,
  orgUnitId: string,
  resident: { name: string; docNumber: string; docType?: string; phone?: string },
): Promise<string> {
  const id = nextId('resident');
  const row = {
    ...sync(orgUnitId, '2026-01-01T00:00:00.000Z', null, id),
    doc_type: resident.docType ?? 'resident_id',
    doc_number: resident.docNumber,
    name: resident.name,
    gender: null,
    birth_date: null,
    phone: resident.phone ?? null,
    address: null,
    village_org_id: null,
    ethnicity: null,
    initials: residentInitials(resident.name),
  };
  const inserted = await db
    .insertInto('residents')
    .values(row)
    .returning(sql<number>`rowid`.as('rowid'))
    .executeTakeFirstOrThrow();
  await indexResident(db, { ...row, rowid: inserted.rowid });
  return id;
}

export interface FixtureCase {
  caseNo: string;
  orgUnitId: string;
  item: { itemId: string; versionId: string; name: string };
  resident: { id: string; name: string };
  state: CaseState;
  createdAt: string;
  createdBy?: string | null;
  handlerId?: string | null;
  channel?: 'counter' | 'agency';
  agentUserId?: string | null;
  agencyOrgId?: string | null;
  handoffDueDate?: string | null;
  handedOverAt?: string | null;
  acceptedDate?: string | null;
  dueDate?: string | null;
  pausedSince?: string | null;
  completedDate?: string | null;
  handedOutAt?: string | null;
  /** The states the timeline passed through after the opening state, in order. */
  history?: readonly CaseState[];
}

export async function addCase(db: Kysely<Database>, fixture: FixtureCase): Promise<string> {
  const id = nextId('case');
  const by = fixture.createdBy ?? null;
  const inserted = await db
    .insertInto('cases')
    .values({
      ...sync(fixture.orgUnitId, fixture.createdAt, by, id),
      case_no: fixture.caseNo,
      official_no: null,
      item_id: fixture.item.itemId,
      item_version_id: fixture.item.versionId,
      item_name: fixture.item.name,
      item_type: 'promised',
      promised_days: 5,
      resident_id: fixture.resident.id,
      applicant_name: fixture.resident.name,
      applicant_initials: residentInitials(fixture.resident.name),
      state: fixture.state,
      channel: fixture.channel ?? 'counter',
      agent_user_id: fixture.agentUserId ?? null,
      agency_org_id: fixture.agencyOrgId ?? null,
      agency_reason: fixture.channel === 'agency' ? '行动不便' : null,
      attorney_date: null,
      handoff_due_date: fixture.handoffDueDate ?? null,
      handed_over_at: fixture.handedOverAt ?? null,
      received_at: null,
      received_date: null,
      accepted_at: fixture.acceptedDate ? `${fixture.acceptedDate}T02:00:00.000Z` : null,
      accepted_date: fixture.acceptedDate ?? null,
      due_date: fixture.dueDate ?? null,
      paused_since: fixture.pausedSince ?? null,
      paused_working_days: 0,
      completed_at: fixture.completedDate ? `${fixture.completedDate}T03:00:00.000Z` : null,
      completed_date: fixture.completedDate ?? null,
      handed_out_at: fixture.handedOutAt ?? null,
      result_note: null,
      reject_reason: null,
      redirect_to: null,
      handler_id: fixture.handlerId ?? null,
      counter_contact: null,
    })
    .returning(sql<number>`rowid`.as('rowid'))
    .executeTakeFirstOrThrow();
  await indexCaseForSearch(db, {
    rowid: inserted.rowid,
    caseNo: fixture.caseNo,
    applicantName: fixture.resident.name,
    itemName: fixture.item.name,
  });
  const states = [...(fixture.history ?? []), fixture.state];
  let from: CaseState | null = null;
  for (const to of states) {
    await db
      .insertInto('case_events')
      .values({
        ...sync(fixture.orgUnitId, fixture.createdAt, by),
        case_id: id,
        at: fixture.createdAt,
        actor_id: by,
        actor_name: null,
        action: from === null ? 'intake' : 'transition',
        from_state: from,
        to_state: to,
        note: null,
      })
      .execute();
    from = to;
  }
  return id;
}
