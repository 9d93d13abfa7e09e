import { z } from 'zod';
import { syncRecordTableSchema } from '../../sync/records-contract';
import { method } from '../define';
import { emptySchema, idSchema, isoTimeSchema } from './common';

/** What the status bar shows of the two-way sync of records (issue 15). */
export const syncStatusSchema = z.object({
  /** Only an enrolled terminal syncs; the rest of this answer is empty otherwise. */
  enrolled: z.boolean(),
  /** The last attempt to reach the hub (push or sync cycle) got an answer. */
  online: z.boolean(),
  /** When the hub last took this terminal's changes or its sync cycle last ended well. */
  lastSyncAt: isoTimeSchema.nullable(),
  /** Changes made here and not yet taken by the hub. */
  waiting: z.number().int().nonnegative(),
  /** Changes the hub refused that no one has settled yet (同步问题). */
  problems: z.number().int().nonnegative(),
  /** Why the last push did not get through, in Chinese; null when it did. */
  lastError: z.string().nullable(),
  /** 本机时间与县级平台相差约 N 天，请校准系统时间 while the hub finds this PC's clock ahead; else null. */
  clockWarning: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const SYNC_RECORD_STATES = ['pending', 'synced', 'problem'] as const;
export const syncRecordStateSchema = z.enum(SYNC_RECORD_STATES);
export type SyncRecordState = z.infer<typeof syncRecordStateSchema>;

export const SYNC_RECORD_STATE_LABELS: Record<SyncRecordState, string> = {
  pending: '未同步',
  synced: '已同步',
  problem: '同步问题',
};

export const SYNC_TABLE_LABELS: Record<z.infer<typeof syncRecordTableSchema>, string> = {
  residents: '居民',
  cases: '案件',
  case_materials: '案件材料',
  case_events: '案件经过',
  ratings: '办件评价',
  rating_followups: '评价回访',
  attachments: '附件',
  disputes: '纠纷',
  dispute_parties: '纠纷当事人',
  dispute_readers: '纠纷查阅单位',
  dispute_mediators: '纠纷调解员',
  dispute_events: '纠纷经过',
  mediation_sessions: '调解记录',
  dispute_extensions: '调解延期',
  dispute_agreements: '调解协议',
  dispute_follow_ups: '调解回访',
  event_reports: '事件报告',
};

export const SYNC_OP_LABELS = { insert: '新增', update: '修改', delete: '删除' } as const;

/** One change the hub refused, as 同步问题 lists it. */
export const syncProblemSchema = z.object({
  seq: z.number().int(),
  table: syncRecordTableSchema,
  /** What kind of record, in Chinese (案件材料, 调解当事人…). */
  tableLabel: z.string(),
  recordId: idSchema,
  /** The case, dispute, resident or event report the record belongs to. */
  root: z.object({
    kind: z.enum(['cases', 'disputes', 'residents', 'event_reports']),
    id: idSchema.nullable(),
    /** 案件编号, 纠纷编号, the resident's name or the report's title; null when no longer here. */
    label: z.string().nullable(),
  }),
  op: z.enum(['insert', 'update', 'delete']),
  /** The columns the change set, as sent; empty when the entry is no longer kept. */
  columns: z.array(z.string()),
  code: z.string(),
  /** The hub's reason, in Chinese. */
  message: z.string(),
  reportedAt: isoTimeSchema,
  settledAt: isoTimeSchema.nullable(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

export const syncSettleInputSchema = z.object({
  seq: z.number().int().positive(),
  /**
   * resubmit (重新提交): the record as it now stands here goes up again as a new whole-row change;
   * abandon (放弃本机修改): the refused changes are set aside and the next pull brings the hub's.
   */
  action: z.enum(['resubmit', 'abandon']),
});
export type SyncSettleInput = z.input<typeof syncSettleInputSchema>;

export const syncPushMethods = {
  'sync.status': method({ input: emptySchema, output: syncStatusSchema, access: 'session' }),
  'sync.problems': method({
    input: z.object({ includeSettled: z.boolean().default(false) }),
    output: z.array(syncProblemSchema),
    access: ['admin', 'supervisor'],
  }),
  /** Settles every open problem of the record the problem belongs to. */
  'sync.settleProblem': method({
    input: syncSettleInputSchema,
    output: z.object({ settled: z.number().int() }),
    access: ['admin', 'supervisor'],
  }),
  /**
   * 未同步 / 已同步 / 同步问题 of a case or dispute with everything recorded on it, or of a resident's
   * record; null: not enrolled.
   */
  'sync.recordState': method({
    input: z.object({ root: z.enum(['cases', 'disputes', 'residents']), id: idSchema }),
    output: syncRecordStateSchema.nullable(),
    access: 'session',
  }),
};
