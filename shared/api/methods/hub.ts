import { z } from 'zod';
import { REFERENCE_KINDS } from '../../sync/reference-contract';
import { method } from '../define';
import { orgLevelSchema } from '../roles';
import {
  displayNameSchema,
  emptySchema,
  idSchema,
  isoTimeSchema,
  orgUnitSchema,
  passwordSchema,
  terminalSchema,
  usernameSchema,
} from './common';

/**
 * The hub's address as typed: http or https, no credentials, no query. The government extranet
 * often has no DNS names, so a bare IP with a port is as good as a name.
 */
export const hubUrlSchema = z
  .string()
  .trim()
  .min(1, '请填写县级平台地址')
  .max(200, '地址不超过 200 个字符')
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        url.search === '' &&
        url.hash === ''
      );
    } catch {
      return false;
    }
  }, '县级平台地址应以 http:// 或 https:// 开头，例如 https://10.33.1.20:8443')
  .transform((text) => text.replace(/\/+$/, ''));

/** Typed from a slip of paper: spaces, hyphens and lower case are fine, the hub checks the rest. */
export const enrolmentCodeInputSchema = z
  .string()
  .trim()
  .min(1, '请填写加入码')
  .max(40, '加入码不超过 40 个字符');

export const HUB_STATES = [
  'standalone',
  'pending',
  'connected',
  'revoked',
  'tokenMissing',
] as const;
export const hubStateSchema = z.enum(HUB_STATES);
export type HubState = z.infer<typeof hubStateSchema>;

export const HUB_STATE_LABELS: Record<HubState, string> = {
  standalone: '未加入县级平台',
  pending: '已加入，待设置管理员',
  connected: '已加入',
  revoked: '已被停用',
  tokenMissing: '接入凭证丢失',
};

export const hubUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: orgLevelSchema,
});

/** The org tree first, then the kinds in the order a sync cycle applies them. */
export const EDITION_KINDS = ['orgTree', ...REFERENCE_KINDS] as const;
export const editionKindSchema = z.enum(EDITION_KINDS);
export type EditionKind = z.infer<typeof editionKindSchema>;

/** One kind of the county's reference data as this terminal has it; edition null: none applied. */
export const hubEditionSchema = z.object({
  kind: editionKindSchema,
  label: z.string(),
  edition: z.number().int().nullable(),
  publishedAt: isoTimeSchema.nullable(),
  appliedAt: isoTimeSchema.nullable(),
  /** What applying it changed, as in its audit entry. */
  summary: z.string().nullable(),
});
export type HubEdition = z.infer<typeof hubEditionSchema>;

export const hubStatusSchema = z.object({
  state: hubStateSchema,
  hubUrl: z.string().nullable(),
  hubName: z.string().nullable(),
  /** The id the hub gave this terminal. */
  terminalId: z.string().nullable(),
  /** Issued by the hub, unique within the unit. */
  terminalNumber: z.string().nullable(),
  orgUnit: hubUnitSchema.nullable(),
  joinedAt: isoTimeSchema.nullable(),
  lastContactAt: isoTimeSchema.nullable(),
  /** The edition of the county's org tree this terminal applied; null when none was published. */
  orgTreeEdition: z.number().int().nullable(),
  /** What the person should know, in Chinese (revoked, token lost, hub unreachable); null when fine. */
  problem: z.string().nullable(),
  /** Every kind, in the order a sync cycle applies them; empty until the terminal is set up enrolled. */
  editions: z.array(hubEditionSchema),
  /** When the last sync cycle ended, and what kept it from applying everything (null: nothing). */
  lastSyncAt: isoTimeSchema.nullable(),
  lastSyncProblem: z.string().nullable(),
});
export type HubStatus = z.infer<typeof hubStatusSchema>;

export const hubJoinInputSchema = z.object({
  hubUrl: hubUrlSchema,
  code: enrolmentCodeInputSchema,
});
export type HubJoinInput = z.input<typeof hubJoinInputSchema>;

/** What the wizard still asks after joining: the hub gave the unit and the terminal number. */
export const hubCompleteSetupInputSchema = z.object({
  terminalName: z.string().trim().min(1, '请填写终端名称').max(40, '终端名称不超过 40 个字'),
  counterPhone: z.string().trim().max(30, '联系电话不超过 30 个字符').default(''),
  admin: z.object({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
  }),
});
export type HubCompleteSetupInput = z.input<typeof hubCompleteSetupInputSchema>;

export const hubEnrolmentCodeSchema = z.object({
  /** Shown once: the hub keeps only its hash, and this terminal keeps nothing of it. */
  code: z.string(),
  expiresAt: isoTimeSchema,
  orgUnit: hubUnitSchema,
});
export type HubEnrolmentCode = z.infer<typeof hubEnrolmentCodeSchema>;

export const hubTerminalRowSchema = z.object({
  terminalId: z.string(),
  terminalNumber: z.string(),
  orgUnit: hubUnitSchema,
  appVersion: z.string(),
  hostname: z.string().nullable(),
  enrolledAt: isoTimeSchema,
  lastContactAt: isoTimeSchema,
  revokedAt: isoTimeSchema.nullable(),
  /** The latest change of it the hub found far ahead of its clock (a PC clock set wrong); or null. */
  clockAhead: z.object({ aheadMs: z.number().int(), flaggedAt: isoTimeSchema }).nullable(),
  /** This very terminal: it cannot be revoked from here. */
  isSelf: z.boolean(),
});
export type HubTerminalRow = z.infer<typeof hubTerminalRowSchema>;

/** What one sync cycle did: per kind applied, failed (rolled back alone) or not applicable here yet. */
export const hubSyncResultSchema = z.object({
  at: isoTimeSchema,
  applied: z.array(
    z.object({
      kind: editionKindSchema,
      label: z.string(),
      edition: z.number().int(),
      summary: z.string(),
    }),
  ),
  failed: z.array(
    z.object({
      kind: editionKindSchema,
      label: z.string(),
      edition: z.number().int(),
      message: z.string(),
    }),
  ),
  /** Null when the hub answered and every kind it had newer was applied. */
  problem: z.string().nullable(),
});
export type HubSyncResult = z.infer<typeof hubSyncResultSchema>;

export const hubMethods = {
  /** `refresh` asks the hub how it sees this terminal (最近联系, 已停用) before answering. */
  'hub.status': method({
    input: z.object({ refresh: z.boolean().default(false) }),
    output: hubStatusSchema,
    access: 'session',
  }),
  /** Before setup only: the wizard resumes a join whose administrator is not created yet. */
  'hub.pendingJoin': method({ input: emptySchema, output: hubStatusSchema, access: 'public' }),
  /** Before setup only, from the wizard on an empty database. */
  'hub.join': method({ input: hubJoinInputSchema, output: hubStatusSchema, access: 'public' }),
  /** 重新连接 of a terminal in use: revoked, its token lost, or standalone until now. */
  'hub.reconnect': method({
    input: hubJoinInputSchema,
    /** `rematched`: how a standalone terminal's data was matched to the county's ids, if it was. */
    output: hubStatusSchema.extend({ rematched: z.string().nullable() }),
    access: ['admin'],
  }),
  /** Before setup only, after hub.join: the terminal and its first administrator. */
  'hub.completeSetup': method({
    input: hubCompleteSetupInputSchema,
    output: z.object({ orgUnit: orgUnitSchema, terminal: terminalSchema }),
    access: 'public',
  }),
  /** 立即同步: a sync cycle now, or the one already running. */
  'hub.syncNow': method({
    input: emptySchema,
    output: hubSyncResultSchema,
    access: ['admin', 'supervisor'],
  }),
  'hub.issueCode': method({
    input: z.object({ orgUnitId: idSchema }),
    output: hubEnrolmentCodeSchema,
    access: ['admin'],
  }),
  'hub.listTerminals': method({
    input: emptySchema,
    output: z.array(hubTerminalRowSchema),
    access: ['admin'],
  }),
  'hub.revokeTerminal': method({
    input: z.object({ terminalId: z.string().min(1).max(64) }),
    output: hubTerminalRowSchema,
    access: ['admin'],
  }),
};
