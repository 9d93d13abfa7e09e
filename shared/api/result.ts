/** Every backend answer has this shape, so a rejected call never becomes an unhandled exception. */
export interface ApiError {
  /** Stable, upper-snake code that tests and the UI branch on. */
  code: ErrorCode;
  /** Chinese, fit to show to the person at the counter. */
  message: string;
  /** Field-level problems of a rejected input, keyed by dotted path. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'SETUP_REQUIRED',
  'SETUP_DONE',
  'INVALID_DIVISION_CODE',
  'TERMINAL_NUMBER_TAKEN',
  'USERNAME_TAKEN',
  'WEAK_PASSWORD',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'WRONG_PASSWORD',
  'PASSWORD_REUSED',
  'USER_HAS_ACTIVITY',
  'CANNOT_CHANGE_SELF',
  'BACKUP_NOT_FOUND',
  'BACKUP_IN_PROGRESS',
  'BACKUP_FAILED',
  'BACKUP_DAMAGED',
  'DISK_SPACE_LOW',
  'DATABASE_DAMAGED',
  'RESTORE_FAILED',
  'RESTORE_IN_PROGRESS',
  'DATABASE_CHECK_RUNNING',
  'SEARCH_INDEX_DAMAGED',
  'SEARCH_INDEX_REBUILDING',
  'ILLEGAL_TRANSITION',
  'ROLE_NOT_ALLOWED',
  'MATERIALS_INCOMPLETE',
  'NOTHING_MISSING',
  'REJECT_REASON_REQUIRED',
  'RETURN_REASON_REQUIRED',
  'AGENCY_NOT_ALLOWED',
  'POWER_OF_ATTORNEY_REQUIRED',
  'ITEM_INACTIVE',
  'PRINT_NOT_AVAILABLE',
  'RATING_EXISTS',
  'RATING_NOT_AVAILABLE',
  'ATTACHMENT_TYPE_MISMATCH',
  'QUERY_TOO_SHORT',
  'ITEM_CODE_TAKEN',
  'ITEM_CODE_FIXED',
  'CATALOGUE_COUNTY_ITEM',
  'CATALOGUE_EDITION_STALE',
  'SERVICE_ITEM_INVALID',
  'EXCEL_UNREADABLE',
  'DOCUMENT_INVALID',
  'PHONE_INVALID',
  'DOCUMENT_TAKEN',
  'RESIDENT_POSSIBLE_DUPLICATE',
  'RESIDENT_OUT_OF_SCOPE',
  'RESIDENT_BROWSE_CAPPED',
  'AGREEMENT_INCOMPLETE',
  'ORAL_AGREEMENT',
  'EXTENSION_CONSENT_MISSING',
  'EXTENSION_NOT_LATER',
  'ESCALATION_AT_TOP',
  'NOT_DIRECT_PARENT',
  'MEDIATOR_UNAVAILABLE',
  'ALREADY_ON_ROSTER',
  'CASE_ABBREVIATION_MISSING',
  'FOLLOW_UP_PENDING',
  'ALREADY_ACKNOWLEDGED',
  'INVALID_CURSOR',
  'DRAFT_TOO_LARGE',
  'HUB_URL_INVALID',
  'HUB_UNREACHABLE',
  'HUB_CODE_REJECTED',
  'HUB_TERMINAL_REVOKED',
  'HUB_NOT_JOINED',
  'HUB_COUNTY_ONLY',
  'HUB_UNIT_MISMATCH',
  'HUB_REFUSED',
  'REFERENCE_EDITION_REFUSED',
  'CALENDAR_FILE_INVALID',
  'CALENDAR_FROM_COUNTY',
  'REFERENCE_EDITION_STALE',
  'HUB_REMATCH_BACKUP_FAILED',
  'HUB_REMATCH_CONFLICT',
  'HUB_REMATCH_FAILED',
  'ACCOUNTS_NEED_HUB',
  'ACCOUNT_OTHER_UNIT',
  'SYNC_PROBLEM_NOT_FOUND',
  'SYNC_PROBLEM_SETTLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
): Result<never> {
  return fields
    ? { ok: false, error: { code, message, fields } }
    : { ok: false, error: { code, message } };
}
