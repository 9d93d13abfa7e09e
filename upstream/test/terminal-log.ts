import { randomUUID } from 'node:crypto';
import { formatHlc, parseHlc } from '@shared/sync/hlc';
import type { PushEntry, SyncRecordTable } from '@shared/sync/records-contract';

/**
 * A terminal's change log as the hub sees it, for hub tests and the push benchmark: entries numbered
 * in order within an epoch, one txId per use case, versions from a clock that starts a minute before
 * the test hub's time and moves a millisecond per change.
 */

type Columns = Record<string, string | number | null>;

export interface Change {
  table: SyncRecordTable;
  recordId: string;
  op: 'insert' | 'update' | 'delete';
  columns: Columns;
  /** Default: the last version this terminal wrote or saw for the record. */
  baseVersion?: string | null;
  /** Default: the terminal's clock. */
  version?: string;
}

export const LOG_CLOCK_START = Date.parse('2026-12-07T00:59:00.000Z');

export class TerminalLog {
  private seq: number;
  private wall = LOG_CLOCK_START;
  readonly versions = new Map<string, string>();
  readonly epoch: string;

  constructor(
    readonly terminalId: string,
    readonly unitId: string,
    options: { epoch?: string; firstSeq?: number } = {},
  ) {
    this.epoch = options.epoch ?? randomUUID();
    this.seq = (options.firstSeq ?? 1) - 1;
  }

  nextVersion(): string {
    this.wall += 1;
    return formatHlc({ wall: this.wall, counter: 0, node: this.terminalId });
  }

  /** One use case: its changes share a txId and take the next seqs. */
  tx(...changes: Change[]): PushEntry[] {
    const txId = randomUUID();
    return changes.map((change) => {
      const version = change.version ?? this.nextVersion();
      const at = new Date(this.wall).toISOString();
      const baseVersion =
        change.op === 'insert'
          ? null
          : change.baseVersion !== undefined
            ? change.baseVersion
            : (this.versions.get(change.recordId) ?? null);
      const sync: Columns =
        change.op === 'insert'
          ? {
              id: change.recordId,
              org_unit_id: this.unitId,
              created_at: at,
              created_by: 'user-1',
              updated_at: at,
              updated_by: 'user-1',
              origin_terminal_id: this.terminalId,
              version,
              deleted_at: null,
            }
          : {
              updated_at: at,
              updated_by: 'user-1',
              version,
              ...(change.op === 'delete' ? { deleted_at: at } : {}),
            };
      this.versions.set(change.recordId, version);
      this.seq += 1;
      return {
        seq: this.seq,
        txId,
        table: change.table,
        recordId: change.recordId,
        op: change.op,
        baseVersion,
        version,
        columns: { ...sync, ...change.columns },
        schemaVersion: 60,
        at,
      };
    });
  }

  /**
   * Takes a version the hub holds (as a pull would), so the next change bases on it; the clock
   * moves past it, as the terminal's Stamper does on a pulled version.
   */
  saw(recordId: string, version: string): void {
    this.versions.set(recordId, version);
    this.wall = Math.max(this.wall, parseHlc(version).wall);
  }
}

export const insert = (table: SyncRecordTable, recordId: string, columns: Columns): Change => ({
  table,
  recordId,
  op: 'insert',
  columns,
});

export const update = (
  table: SyncRecordTable,
  recordId: string,
  columns: Columns,
  baseVersion?: string | null,
): Change => ({ table, recordId, op: 'update', columns, baseVersion });

/**
 * The last four digits of the next resident's document: distinct for 9,000 residents in a row, so
 * that a test's residents are different people unless it says otherwise (the hub merges residents
 * of one document into one record).
 */
let documentSerial = Math.floor(Math.random() * 9000);

export const resident = (name = '张三') => ({
  doc_type: 'id_card',
  doc_number: `33030219800101${String((documentSerial++ % 9000) + 1000)}`,
  name,
  gender: 'male',
  birth_date: '1980-01-01',
  phone: '13800000000',
  address: '城东社区 1 号',
  village_org_id: null,
  ethnicity: null,
  initials: 'zs',
});

export const caseRow = (residentId: string, extra: Columns = {}) => ({
  case_no: `330302001-01-20261207-${String(Math.floor(Math.random() * 9000) + 1000)}`,
  official_no: null,
  item_id: randomUUID(),
  item_version_id: randomUUID(),
  item_name: '城乡居民基本养老保险参保登记',
  item_type: 'promised',
  promised_days: 5,
  resident_id: residentId,
  applicant_name: '张三',
  applicant_initials: 'zs',
  state: 'received',
  channel: 'counter',
  agent_user_id: null,
  agency_org_id: null,
  agency_reason: null,
  received_at: '2026-12-07T00:59:00.000Z',
  received_date: '2026-12-07',
  ...extra,
});

export const materialRow = (caseId: string, position = 1) => ({
  case_id: caseId,
  position,
  name: '居民身份证',
  form: 'original',
  copies: 1,
  required: 1,
  condition: null,
  source: null,
  status: 'received',
  copies_received: 1,
  note: null,
});

export const caseEventRow = (caseId: string, action = 'receive') => ({
  case_id: caseId,
  at: '2026-12-07T00:59:00.000Z',
  actor_id: 'user-1',
  actor_name: '王小红',
  action,
  from_state: null,
  to_state: 'received',
  note: null,
});

export const disputeRow = (unitId: string) => ({
  case_no: `（2026）调字第 ${Math.floor(Math.random() * 900) + 100} 号`,
  official_no: null,
  registered_org_id: unitId,
  case_year: 2026,
  case_terminal: '01',
  case_seq: 1,
  state: 'accepted',
  type: 'neighbour',
  source: 'application',
  summary: '相邻关系纠纷：排水沟堵塞',
  risk_level: 'general',
  party_names: '张三、李四',
  registered_on: '2026-12-07',
  outcome: null,
});

export const partyRow = (disputeId: string, residentId: string | null) => ({
  dispute_id: disputeId,
  resident_id: residentId,
  role: 'applicant',
  name: '张三',
});

export const disputeEventRow = (disputeId: string, action: string) => ({
  dispute_id: disputeId,
  at: '2026-12-07T00:59:00.000Z',
  actor_id: 'user-1',
  actor_name: '王小红',
  action,
  from_org_id: null,
  to_org_id: null,
});

export const eventReportRow = (receivingOrgId: string) => ({
  receiving_org_id: receivingOrgId,
  category: 'safety',
  urgency: 'urgent',
  title: '村道塌方',
  description: '城东社区村道塌方约 5 米，已设警示',
  reporter_name: '王小红',
  reported_at: '2026-12-07T00:59:00.000Z',
  dispute_id: null,
  acknowledged_at: null,
  acknowledged_by: null,
  acknowledged_by_name: null,
  acknowledgement_note: null,
});
