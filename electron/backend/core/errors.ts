import type { ErrorCode } from '@shared/api';

/** A rule the person broke; the dispatcher turns it into { ok: false, error } with this code and message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}
