import { z } from 'zod';
import { orgLevelSchema } from '../api/roles';

/**
 * The county hub's HTTP contract: the paths, the headers and a zod schema for every request and
 * response, so that the terminal and the hub (upstream/) parse the same shapes. Changes after the first
 * release are additive only: a terminal of an older release keeps talking to a newer hub.
 */

/** Sent by the terminal on every request except /health. */
export const PROTOCOL_HEADER = 'x-township-desk-protocol';
/** The protocol this release speaks. */
export const HUB_PROTOCOL_VERSION = 1;
/** Sent by the terminal on every authenticated request: the hub lists it per terminal. */
export const APP_VERSION_HEADER = 'x-township-desk-app-version';
/** Sent by the hub on every answer (and in a 426 body): the oldest protocol it still accepts. */
export const OLDEST_PROTOCOL_HEADER = 'x-township-desk-oldest-protocol';

/** `Authorization: Bearer <token>`: the token an enrolment returned, for every path but /health and enrol. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}

export const HUB_PATHS = {
  health: '/health',
  enrol: '/v1/enrol',
  /** The calling terminal's own enrolment, as the hub sees it now. */
  terminal: '/v1/terminal',
  /** The latest org tree edition of the calling terminal's county. */
  orgTree: '/v1/org-tree',
  adminEnrolmentCodes: '/v1/admin/enrolment-codes',
  adminTerminals: '/v1/admin/terminals',
  adminRevokeTerminal: (terminalId: string) =>
    `/v1/admin/terminals/${encodeURIComponent(terminalId)}/revoke`,
  adminOrgTree: '/v1/admin/org-tree',
} as const;

/** The HTTP method of each path above. */
export const HUB_METHODS = {
  health: 'GET',
  enrol: 'POST',
  terminal: 'GET',
  orgTree: 'GET',
  adminEnrolmentCodes: 'POST',
  adminTerminals: 'GET',
  adminRevokeTerminal: 'POST',
  adminOrgTree: 'PUT',
} as const satisfies Record<keyof typeof HUB_PATHS, 'GET' | 'POST' | 'PUT'>;

export const HUB_ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'TERMINAL_REVOKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ENROLMENT_CODE_UNKNOWN',
  'ENROLMENT_CODE_USED',
  'ENROLMENT_CODE_EXPIRED',
  'ORG_UNIT_UNKNOWN',
  'ORG_TREE_INVALID',
  'ORG_TREE_EDITION_STALE',
  'REFERENCE_INVALID',
  'REFERENCE_EDITION_STALE',
  'ACCOUNT_USERNAME_TAKEN',
  'ACCOUNT_VERSION_STALE',
  'ACCOUNT_OTHER_UNIT',
  'CANNOT_REVOKE_SELF',
  'TERMINAL_NUMBERS_EXHAUSTED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'PROTOCOL_TOO_OLD',
  'INTERNAL',
  'APP_TOO_OLD',
  'RELEASE_INVALID',
  'RELEASE_FILE_MISMATCH',
  'RELEASE_NOT_NEWER',
  'CONFLICT_OTHER_UNIT',
  'CONFLICT_ALREADY_RESOLVED',
  'BLOB_OFFSET_MISMATCH',
  'BLOB_CORRUPT',
  'BLOB_TYPE_REFUSED',
] as const;
export const hubErrorCodeSchema = z.enum(HUB_ERROR_CODES);
export type HubErrorCode = z.infer<typeof hubErrorCodeSchema>;

/** The default Chinese message per code; an answer may carry a more specific one. */
export const HUB_ERROR_MESSAGES: Record<HubErrorCode, string> = {
  INVALID_INPUT: '请求内容不完整或格式不正确',
  UNAUTHENTICATED: '本终端尚未加入县级平台，或接入凭证无效，请重新加入',
  TERMINAL_REVOKED:
    '终端已被县级平台停用。本机数据仍可离线使用；如需恢复连接，请向县级中心管理员索取新的加入码后重新连接',
  FORBIDDEN: '只有县级中心的终端可以进行此项管理操作',
  NOT_FOUND: '要找的记录在县级平台上不存在',
  ENROLMENT_CODE_UNKNOWN: '加入码不正确，请核对后重新输入',
  ENROLMENT_CODE_USED: '加入码已被使用过，每个加入码只能用一次，请向县级中心管理员索取新的加入码',
  ENROLMENT_CODE_EXPIRED: '加入码已过期，请向县级中心管理员索取新的加入码',
  ORG_UNIT_UNKNOWN: '县级平台的组织机构中没有这个单位，请先发布包含它的组织机构',
  ORG_TREE_INVALID: '组织机构数据有误，未发布',
  ORG_TREE_EDITION_STALE: '组织机构已有更新的版本，请刷新后再发布',
  REFERENCE_INVALID: '发布的数据有误，未发布',
  REFERENCE_EDITION_STALE: '县级平台上已有更新的版本，请先同步后再发布',
  ACCOUNT_USERNAME_TAKEN: '该用户名在全县已被使用，请换一个用户名',
  ACCOUNT_VERSION_STALE: '该账号已在本单位其他终端被修改，请按最新信息重新操作',
  ACCOUNT_OTHER_UNIT: '该账号属于其他单位，本终端不能修改',
  CANNOT_REVOKE_SELF: '不能停用正在使用的本终端',
  TERMINAL_NUMBERS_EXHAUSTED: '该单位的终端编号（01–99）已全部发出，请联系县级中心',
  PAYLOAD_TOO_LARGE: '提交的内容过大，县级平台未接收',
  RATE_LIMITED: '请求过于频繁，请稍后再试',
  PROTOCOL_TOO_OLD: '本机软件版本过旧，县级平台已不再支持，请先更新软件。本机数据仍可离线使用',
  INTERNAL: '县级平台暂时出现故障，请稍后再试',
  APP_TOO_OLD:
    '本机软件版本过旧，县级平台已不再与它同步，请更新软件（县级平台提供新版本）。本机数据仍可离线使用',
  RELEASE_INVALID: 'latest.yml 内容不正确，未上传',
  RELEASE_FILE_MISMATCH:
    '安装包与 latest.yml 中的校验值或大小不一致，可能文件不完整或选错了文件，未上传',
  RELEASE_NOT_NEWER: '县级平台上已有相同或更新的版本，未上传',
  CONFLICT_OTHER_UNIT: '该同步冲突所在的记录不属于本终端所在单位，本终端不能处理',
  CONFLICT_ALREADY_RESOLVED: '该同步冲突已由他人按另一个值处理，请刷新后查看',
  BLOB_OFFSET_MISMATCH: '附件上传的位置与县级平台已收到的不一致，请从县级平台告知的位置继续上传',
  BLOB_CORRUPT: '附件文件在传输中损坏（校验值或大小不符），县级平台未保存，请重新上传',
  BLOB_TYPE_REFUSED: '附件不是 JPG、PNG、WebP 图片或 PDF 文件，县级平台未接收',
};

/** Every non-2xx answer's body. */
export const hubErrorSchema = z.object({
  code: hubErrorCodeSchema,
  message: z.string(),
  /** With PROTOCOL_TOO_OLD. */
  oldestProtocolVersion: z.number().int().optional(),
  /** With APP_TOO_OLD: the oldest app version the hub still syncs with. */
  oldestAppVersion: z.string().optional(),
  /** With RATE_LIMITED; the Retry-After header says the same. */
  retryAfterSeconds: z.number().int().optional(),
  /** With INVALID_INPUT, ORG_TREE_INVALID and REFERENCE_INVALID: problems keyed by dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
  /** With ACCOUNT_VERSION_STALE: the account as the hub has it (accounts-contract.ts). */
  account: z.unknown().optional(),
});
export type HubError = z.infer<typeof hubErrorSchema>;

/** HTTP status per error code, so the terminal and the hub agree on both. */
export const HUB_ERROR_STATUS: Record<HubErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  TERMINAL_REVOKED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ENROLMENT_CODE_UNKNOWN: 404,
  ENROLMENT_CODE_USED: 409,
  ENROLMENT_CODE_EXPIRED: 410,
  ORG_UNIT_UNKNOWN: 422,
  ORG_TREE_INVALID: 422,
  ORG_TREE_EDITION_STALE: 409,
  REFERENCE_INVALID: 422,
  REFERENCE_EDITION_STALE: 409,
  ACCOUNT_USERNAME_TAKEN: 409,
  ACCOUNT_VERSION_STALE: 409,
  ACCOUNT_OTHER_UNIT: 403,
  CANNOT_REVOKE_SELF: 409,
  TERMINAL_NUMBERS_EXHAUSTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  PROTOCOL_TOO_OLD: 426,
  INTERNAL: 500,
  APP_TOO_OLD: 426,
  RELEASE_INVALID: 422,
  RELEASE_FILE_MISMATCH: 422,
  RELEASE_NOT_NEWER: 409,
  CONFLICT_OTHER_UNIT: 403,
  CONFLICT_ALREADY_RESOLVED: 409,
  BLOB_OFFSET_MISMATCH: 409,
  BLOB_CORRUPT: 422,
  BLOB_TYPE_REFUSED: 415,
};

const isoTime = z.string();
const divisionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码应为 6、9 或 12 位数字');

/**
 * People type enrolment codes from a slip of paper: letters and digits that cannot be confused
 * (no 0/O, 1/I/L), shown in groups of four. Spaces, hyphens and lower case are accepted on input.
 */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 12;
export function normalizeEnrolmentCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}
export function formatEnrolmentCode(code: string): string {
  return normalizeEnrolmentCode(code).replace(/(.{4})(?=.)/g, '$1-');
}
export const enrolmentCodeSchema = z
  .string()
  .transform(normalizeEnrolmentCode)
  .pipe(
    z
      .string()
      .length(ENROLMENT_CODE_LENGTH, `加入码为 ${ENROLMENT_CODE_LENGTH} 位字母和数字`)
      .regex(new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]+$`), '加入码含有无效字符'),
  );

export const hubOrgUnitSchema = z.object({
  /** orgUnitIdFromDivisionCode (shared/sync/natural-ids.ts): the same on every terminal. */
  id: z.string(),
  /** The division code. */
  code: divisionCode,
  name: z.string(),
  level: orgLevelSchema,
  parentId: z.string().nullable(),
});
export type HubOrgUnit = z.infer<typeof hubOrgUnitSchema>;

// GET /health (no protocol header, no token: load balancers and people call it)
export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  hubName: z.string(),
  protocolVersion: z.number().int(),
  oldestProtocolVersion: z.number().int(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

// POST /v1/enrol (no token: the one-time code is the credential)
export const enrolRequestSchema = z.object({
  code: enrolmentCodeSchema,
  appVersion: z.string().trim().min(1).max(40),
  hostname: z.string().trim().max(100).optional(),
});
export type EnrolRequest = z.input<typeof enrolRequestSchema>;
export const enrolResponseSchema = z.object({
  terminalId: z.string(),
  /** Two digits, unique within the org unit, issued by the hub; goes into case numbers. */
  terminalNumber: z.string(),
  orgUnit: hubOrgUnitSchema,
  countyCode: z.string(),
  /** Shown to the terminal's user once and then kept only in the OS keychain or a 0600 file. */
  token: z.string(),
  hubName: z.string(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// GET /v1/terminal
export const terminalSelfResponseSchema = z.object({
  terminalId: z.string(),
  terminalNumber: z.string(),
  orgUnit: hubOrgUnitSchema,
  countyCode: z.string(),
  hubName: z.string(),
  enrolledAt: isoTime,
});
export type TerminalSelfResponse = z.infer<typeof terminalSelfResponseSchema>;

// GET /v1/org-tree: 404 NOT_FOUND before the county has published one
export const orgTreeEditionSchema = z.object({
  countyCode: z.string(),
  /** 1, 2, 3…: a terminal applies an edition newer than the one it has, atomically. */
  edition: z.number().int().min(1),
  publishedAt: isoTime,
  units: z.array(hubOrgUnitSchema),
});
export type OrgTreeEdition = z.infer<typeof orgTreeEditionSchema>;

// PUT /v1/admin/org-tree (county centre only)
export const publishOrgTreeRequestSchema = z.object({
  /** The edition the publisher last saw (0 when none): a stale one is refused, not overwritten. */
  baseEdition: z.number().int().min(0),
  units: z
    .array(
      z.object({
        code: divisionCode,
        name: z.string().trim().min(1).max(60),
        level: orgLevelSchema,
        /** The parent's division code; null only for the county itself. */
        parentCode: divisionCode.nullable(),
      }),
    )
    .min(1)
    .max(5000),
});
export type PublishOrgTreeRequest = z.infer<typeof publishOrgTreeRequestSchema>;
export const publishOrgTreeResponseSchema = orgTreeEditionSchema;

// POST /v1/admin/enrolment-codes (county centre only)
export const issueEnrolmentCodeRequestSchema = z.object({
  /** Division code of the unit the new terminal will belong to, in the caller's county. */
  orgUnitCode: divisionCode,
});
export type IssueEnrolmentCodeRequest = z.infer<typeof issueEnrolmentCodeRequestSchema>;
export const issueEnrolmentCodeResponseSchema = z.object({
  /** Shown once; the hub keeps only its hash. Grouped for reading, e.g. ABCD-EFGH-JKMN. */
  code: z.string(),
  expiresAt: isoTime,
  orgUnit: hubOrgUnitSchema,
});
export type IssueEnrolmentCodeResponse = z.infer<typeof issueEnrolmentCodeResponseSchema>;

// GET /v1/admin/terminals (county centre only)
export const hubTerminalSchema = z.object({
  terminalId: z.string(),
  terminalNumber: z.string(),
  orgUnit: hubOrgUnitSchema,
  appVersion: z.string(),
  hostname: z.string().nullable(),
  enrolledAt: isoTime,
  lastContactAt: isoTime,
  revokedAt: isoTime.nullable(),
  /**
   * The terminal's latest version far ahead of the hub's clock (a PC clock set wrong): how far and
   * when; null when it never pushed one. Only the listing carries it (an older hub: absent).
   */
  clockAhead: z.object({ aheadMs: z.number().int(), flaggedAt: isoTime }).nullable().optional(),
});
export type HubTerminal = z.infer<typeof hubTerminalSchema>;
export const listTerminalsResponseSchema = z.object({ terminals: z.array(hubTerminalSchema) });
export type ListTerminalsResponse = z.infer<typeof listTerminalsResponseSchema>;

// POST /v1/admin/terminals/:terminalId/revoke (county centre only; revoking twice is a no-op; a
// terminal cannot revoke itself, so the county never locks itself out)
export const revokeTerminalRequestSchema = z.object({});
export const revokeTerminalResponseSchema = z.object({ terminal: hubTerminalSchema });
export type RevokeTerminalResponse = z.infer<typeof revokeTerminalResponseSchema>;
