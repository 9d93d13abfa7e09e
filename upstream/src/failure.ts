import type { ZodError } from 'zod';
import {
  HUB_ERROR_MESSAGES,
  HUB_ERROR_STATUS,
  type HubError,
  type HubErrorCode,
} from '@shared/sync/hub-contract';

/** A refusal the terminal is told about: the status, code and message of the contract. */
export class HubFailure extends Error {
  readonly status: number;
  constructor(
    readonly code: HubErrorCode,
    message: string = HUB_ERROR_MESSAGES[code],
    readonly extra: Omit<HubError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.status = HUB_ERROR_STATUS[code];
  }

  body(): HubError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** A zod error's messages keyed by dotted path, the first per path: the `fields` of an answer. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}
