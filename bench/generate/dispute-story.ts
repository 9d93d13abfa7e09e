import type {
  DisputeAgreementsTable,
  DisputeEventsTable,
  DisputeFollowUpsTable,
  DisputeMediatorsTable,
  DisputePartiesTable,
  DisputeReadersTable,
  DisputesTable,
  MediationSessionsTable,
} from '../../electron/backend/db/schema';
import type { Staff } from './case-story';
import { syncRow, type Stamps } from './stamps';

/** A mediation committee: its org unit, its roster, the account its mediator records with. */
export interface Committee {
  orgId: string;
  name: string;
  place: string;
  roster: readonly { id: string; name: string }[];
  recorder: Staff;
}

type Companion<T> = Omit<
  T,
  | 'id'
  | 'org_unit_id'
  | 'created_at'
  | 'created_by'
  | 'updated_at'
  | 'updated_by'
  | 'origin_terminal_id'
  | 'version'
  | 'deleted_at'
>;

/**
 * One dispute's case file as the mediation services write it: the row after each change, the
 * timeline, and the rows beside it (parties, team, sessions, agreement, follow-ups, readers).
 * Changes are applied in order until one lies after `nowMs`.
 */
export class DisputeStory {
  readonly events: DisputeEventsTable[] = [];
  readonly parties: DisputePartiesTable[] = [];
  readonly team: DisputeMediatorsTable[] = [];
  readonly sessions: MediationSessionsTable[] = [];
  readonly agreements: DisputeAgreementsTable[] = [];
  readonly followUps: DisputeFollowUpsTable[] = [];
  readonly readers: DisputeReadersTable[] = [];
  private stopped = false;
  lastMs: number;

  constructor(
    private readonly stamps: Stamps,
    private readonly nowMs: number,
    readonly row: DisputesTable,
  ) {
    this.lastMs = Date.parse(row.created_at);
  }

  get open(): boolean {
    return !this.stopped;
  }

  /**
   * A change with its timeline entry, as changeDispute writes it: the entry belongs to the unit the
   * case goes to (escalation) or the one that holds it.
   */
  change(
    ms: number,
    actor: Staff,
    action: string,
    set: Partial<DisputesTable>,
    event: { to?: string; toOrgId?: string; note: string | null },
    also?: () => void,
  ): boolean {
    if (this.stopped || ms > this.nowMs) {
      this.stopped = true;
      return false;
    }
    const from = { state: this.row.state, org: this.row.org_unit_id };
    const first = this.events.length === 0;
    if (!first && Object.keys(set).length > 0) {
      Object.assign(this.row, set);
      this.row.updated_at = new Date(ms).toISOString();
      this.row.updated_by = actor.userId;
      this.row.version = this.stamps.version(ms, actor.terminalId);
    }
    also?.();
    this.events.push(
      Object.assign(this.sync(event.toOrgId ?? from.org, actor, ms), {
        dispute_id: this.row.id,
        at: new Date(ms).toISOString(),
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action,
        from_state: event.to && !first ? from.state : null,
        to_state: event.to ?? null,
        from_org_id: event.toOrgId ? from.org : null,
        to_org_id: event.toOrgId ?? null,
        note: event.note,
      }),
    );
    this.lastMs = ms;
    return true;
  }

  sync(orgUnitId: string, actor: Staff, ms: number) {
    return syncRow(this.stamps, orgUnitId, actor.terminalId, ms, actor.userId);
  }

  /** A row beside the dispute, owned by the unit that holds the case unless `orgUnitId` says. */
  add<T>(
    list: T[],
    actor: Staff,
    ms: number,
    values: Companion<T>,
    orgUnitId = this.row.org_unit_id,
  ): T {
    const row = Object.assign(this.sync(orgUnitId, actor, ms), values) as T;
    list.push(row);
    return row;
  }

  /** A companion row changed later (a visit recorded, a mediator leaving on escalation). */
  touch(
    row: { updated_at: string; updated_by: string | null; version: string },
    actor: Staff,
    ms: number,
  ): void {
    row.updated_at = new Date(ms).toISOString();
    row.updated_by = actor.userId;
    row.version = this.stamps.version(ms, actor.terminalId);
  }
}
