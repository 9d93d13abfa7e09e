import type { ApiError, ErrorCode, Result } from '@shared/api';

/** A backend refusal carried through TanStack Query, which deals in thrown errors. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/** Codes the app answers by changing screen (sign-in, lock overlay) rather than with a message. */
export function isSessionProblem(error: unknown): boolean {
  return (
    error instanceof ApiCallError &&
    (error.code === 'UNAUTHENTICATED' ||
      error.code === 'SESSION_EXPIRED' ||
      error.code === 'SESSION_LOCKED')
  );
}
