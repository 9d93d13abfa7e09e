import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { CaseState } from '@shared/domain/cases/case-workflow';
import type { Material } from '@shared/domain/catalogue/service-item';
import { resumeFields } from '../../electron/backend/cases/service';
import { residentInitials } from '../../electron/backend/residents/search-index';
import type {
  CaseEventsTable,
  CaseMaterialsTable,
  CasesTable,
} from '../../electron/backend/db/schema';
import { initialChecklist, materialRows, missingNames } from './case-materials';
import type { WorkingDays } from './office-time';
import type { Random } from './random';
import { syncRow, type Stamps } from './stamps';

/** Someone who acts on cases, at the terminal they work on. */
export interface Staff {
  userId: string;
  displayName: string;
  terminalId: string;
}

/** A window of the township's service centre: its terminal and the clerk who staffs it. */
export interface Window extends Staff {
  terminalName: string;
}

/** A village agency point: the village, its agent, the agent's terminal. */
export interface AgencyPoint {
  villageId: string;
  villageName: string;
  agent: Staff;
}

export interface CaseWorld {
  /** The holiday calendar's working days, remembered. */
  days: WorkingDays;
  /** Steps after this instant have not happened yet: they are left out, and the case stays open. */
  nowMs: number;
  township: { id: string; name: string };
  windows: readonly Window[];
}

export interface ItemVersion {
  itemId: string;
  versionId: string;
  name: string;
  type: 'instant' | 'promised';
  promisedDays: number;
  agencyAllowed: boolean;
  materials: Material[];
}

export interface CaseStart {
  item: ItemVersion;
  resident: { id: string; name: string };
  caseNo: string;
  startMs: number;
  /** Taken in at a window, or by a village agent. */
  via: { window: Window } | { point: AgencyPoint };
}

export const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One case's life as the workflow would write it: the row after each step, one timeline entry per
 * step, the checklist. Steps are applied in order until one lies after `nowMs`.
 */
export class CaseStory {
  readonly events: CaseEventsTable[] = [];
  private stopped = false;
  lastMs: number;

  constructor(
    private readonly world: CaseWorld,
    private readonly stamps: Stamps,
    readonly row: CasesTable,
    readonly materials: CaseMaterialsTable[],
  ) {
    this.lastMs = Date.parse(row.created_at);
  }

  get open(): boolean {
    return !this.stopped;
  }

  /** Applies a step; false when it lies in the future, after which every later step is skipped. */
  step(
    ms: number,
    actor: Staff,
    action: string,
    to: CaseState | null,
    patch: Partial<CasesTable>,
    note: string | null,
  ): boolean {
    if (this.stopped || ms > this.world.nowMs) {
      this.stopped = true;
      return false;
    }
    const from = this.events.length === 0 ? null : (this.row.state as CaseState);
    Object.assign(this.row, patch);
    if (to) this.row.state = to;
    this.row.updated_at = iso(ms);
    this.row.updated_by = actor.userId;
    this.row.version = this.stamps.version(ms, actor.terminalId);
    this.events.push(
      Object.assign(
        syncRow(this.stamps, this.row.org_unit_id, actor.terminalId, ms, actor.userId),
        {
          case_id: this.row.id,
          at: iso(ms),
          actor_id: actor.userId,
          actor_name: actor.displayName,
          action,
          from_state: from,
          to_state: to ?? from,
          note,
        },
      ),
    );
    this.lastMs = ms;
    return true;
  }

  /** The missing materials arrive: marked received, as the recheck at the window writes them. */
  receiveMissing(ms: number, actor: Staff): void {
    for (const material of this.materials) {
      if (material.required !== 1 || material.status !== 'missing') continue;
      material.status = 'received';
      material.copies_received = material.copies;
      material.updated_at = iso(ms);
      material.updated_by = actor.userId;
      material.version = this.stamps.version(ms, actor.terminalId);
    }
  }

  missing(): string {
    return missingNames(this.materials);
  }
}

export function newStory(
  world: CaseWorld,
  stamps: Stamps,
  random: Random,
  start: CaseStart,
  options: { incomplete: boolean },
): CaseStory {
  const agency = 'point' in start.via;
  const actor = 'point' in start.via ? start.via.point.agent : start.via.window;
  const orgUnitId = 'point' in start.via ? start.via.point.villageId : world.township.id;
  const today = shanghaiDate(start.startMs);
  const sync = syncRow(stamps, orgUnitId, actor.terminalId, start.startMs, actor.userId);
  const row: CasesTable = Object.assign(sync, {
    case_no: start.caseNo,
    official_no: null,
    item_id: start.item.itemId,
    item_version_id: start.item.versionId,
    item_name: start.item.name,
    item_type: start.item.type,
    promised_days: start.item.promisedDays,
    resident_id: start.resident.id,
    applicant_name: start.resident.name,
    applicant_initials: residentInitials(start.resident.name),
    state: 'accepted',
    channel: agency ? ('agency' as const) : ('counter' as const),
    agent_user_id: agency ? actor.userId : null,
    agency_org_id: 'point' in start.via ? start.via.point.villageId : null,
    agency_reason: agency ? random.pick(AGENCY_REASONS) : null,
    attorney_date: agency ? today : null,
    handoff_due_date: 'point' in start.via ? world.days.after(today, 3) : null,
    handed_over_at: null,
    received_at: null,
    received_date: null,
    accepted_at: null,
    accepted_date: null,
    due_date: null,
    paused_since: null,
    paused_working_days: 0,
    completed_at: null,
    completed_date: null,
    handed_out_at: null,
    result_note: null,
    reject_reason: null,
    redirect_to: null,
    handler_id: null,
    counter_contact:
      'point' in start.via
        ? `${start.via.point.villageName} 代办员 ${actor.displayName}`
        : `${world.township.name} ${start.via.window.terminalName}`,
  });

  const marks = initialChecklist(random, start.item.materials, {
    agency,
    incomplete: options.incomplete,
  });
  const materials = materialRows(stamps, row, start.startMs, start.item.materials, marks);
  return new CaseStory(world, stamps, row, materials);
}

const AGENCY_REASONS = [
  '申请人年老体弱，行动不便',
  '申请人残疾，出行不便',
  '申请人外出务工，委托村代办',
  '申请人长期卧床',
];

/**
 * Acceptance at `ms`: what clock.ts acceptanceFields writes (the promised working days from the
 * Shanghai date), with the working days remembered. The generator test holds the rows to the
 * invariant due_date = addWorkingDays(accepted_date, promised_days + paused_working_days).
 */
export function accept(world: CaseWorld, ms: number, promisedDays: number) {
  const today = shanghaiDate(ms);
  return {
    accepted_at: iso(ms),
    accepted_date: today,
    due_date: world.days.after(today, promisedDays),
  };
}

export function resume(world: CaseWorld, row: CasesTable, ms: number) {
  return resumeFields(row, iso(ms), world.days.calendar);
}
