import { z } from 'zod';
import { isoDateSchema } from '../../domain/calendar/plain-date';
import { referenceCodeSchema } from '../../domain/catalogue/mediation-reference';
import { method } from '../define';
import { attachmentSchema, uploadedFileFields } from './attachments';
import { idSchema, isoTimeSchema, pageInputSchema } from './common';
import { nullableText } from './mediation';

/**
 * 事件报告: information passed upward (安全隐患, 群体性事件苗头, 重大信息 …). A record of its own, never a
 * dispute, so that it stays out of closure-rate statistics and a matter that cannot be closed quickly is
 * still reported, not filtered.
 */

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
const urgencySchema = z.enum(URGENCIES);
export const URGENCY_LABELS: Record<z.infer<typeof urgencySchema>, string> = {
  normal: '一般',
  urgent: '紧急',
  critical: '特急',
};

const eventReportSchema = z.object({
  id: idSchema,
  category: z.string(),
  categoryLabel: z.string(),
  urgency: urgencySchema,
  title: z.string(),
  description: z.string(),
  occurredOn: isoDateSchema.nullable(),
  place: z.string().nullable(),
  peopleInvolved: z.number().int().nullable(),
  reporterName: z.string(),
  reportedAt: isoTimeSchema,
  fromOrgId: idSchema,
  fromOrgName: z.string(),
  receivingOrgId: idSchema,
  receivingOrgName: z.string(),
  disputeId: idSchema.nullable(),
  disputeCaseNo: z.string().nullable(),
  acknowledgedAt: isoTimeSchema.nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgementNote: z.string().nullable(),
  /** Photos and scans sent with the report, in the order they were added. */
  attachments: z.array(attachmentSchema),
  /** Whether the caller's unit is the receiver and the report still waits for acknowledgement. */
  canAcknowledge: z.boolean(),
  /** Whether the caller's unit sent it and may still add files (until it is acknowledged). */
  canAttach: z.boolean(),
});
export type EventReport = z.infer<typeof eventReportSchema>;

const reporters = ['mediator', 'supervisor', 'clerk', 'agent'] as const;
export const EVENT_REPORT_READERS = [
  'mediator',
  'supervisor',
  'clerk',
  'agent',
  'auditor',
] as const;
const readers = EVENT_REPORT_READERS;

export const eventReportsMethods = {
  /** Reported to the parent of the caller's unit (a unit at the top receives its own). */
  'eventReports.create': method({
    input: z.object({
      category: referenceCodeSchema,
      urgency: urgencySchema.default('normal'),
      title: z.string().trim().min(1, '请填写事件标题').max(100, '标题不超过 100 个字'),
      description: z.string().trim().min(1, '请填写事件情况').max(5000, '事件情况不超过 5000 个字'),
      occurredOn: isoDateSchema.nullable().default(null),
      place: nullableText(120, '地点不超过 120 个字'),
      peopleInvolved: z.number().int().min(1).nullable().default(null),
      disputeId: idSchema.nullable().default(null),
    }),
    output: eventReportSchema,
    access: reporters,
  }),
  /** 'received': reports addressed to the caller's unit; 'sent': those it reported. */
  'eventReports.list': method({
    input: pageInputSchema.extend({
      box: z.enum(['received', 'sent']).default('received'),
      unacknowledgedOnly: z.boolean().default(false),
    }),
    output: z.object({ rows: z.array(eventReportSchema), total: z.number().int() }),
    access: readers,
  }),
  'eventReports.get': method({
    input: z.object({ eventReportId: idSchema }),
    output: eventReportSchema,
    access: readers,
  }),
  /**
   * A photo or scan sent with the report, one file per call; only the reporting unit, and only
   * until the receiver has acknowledged what it received.
   */
  'eventReports.attach': method({
    input: z.object({ eventReportId: idSchema, ...uploadedFileFields }),
    output: eventReportSchema,
    access: reporters,
  }),
  /** One attachment's file, for whoever may read the report. */
  'eventReports.attachment': method({
    input: z.object({ attachmentId: idSchema }),
    output: attachmentSchema.extend({ base64: z.string() }),
    access: readers,
  }),
  /** The receiving unit confirms it has the report (签收). */
  'eventReports.acknowledge': method({
    input: z.object({
      eventReportId: idSchema,
      note: nullableText(500, '签收意见不超过 500 个字'),
    }),
    output: eventReportSchema,
    access: ['mediator', 'supervisor'],
  }),
};
