import type { z } from 'zod';
import {
  APP_VERSION_HEADER,
  HUB_ERROR_MESSAGES,
  HUB_METHODS,
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
  enrolResponseSchema,
  hubErrorSchema,
  issueEnrolmentCodeResponseSchema,
  listTerminalsResponseSchema,
  orgTreeEditionSchema,
  revokeTerminalResponseSchema,
  terminalSelfResponseSchema,
  type EnrolRequest,
  type HubErrorCode,
} from '@shared/sync/hub-contract';

/** How long a person waits at the counter for the hub before being told it cannot be reached. */
export const HUB_TIMEOUT_MS = 10_000;

/** The hub answered with its error body; `message` is the hub's Chinese text for the person. */
export class HubRefusal extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** No usable answer: no connection, a timeout, or a body that is not the contract's. */
export class HubUnreachable extends Error {}

/** The message of a HubUnreachable for an answer that did not come in time. */
export const HUB_TIMEOUT = 'timeout';

export interface HubClientOptions {
  baseUrl: string;
  token?: string | null;
  /** This app's version: the county centre's 终端管理 lists it per terminal. */
  appVersion: string;
  timeoutMs?: number;
}

type PathKey = keyof typeof HUB_METHODS;

/** A request body already written as JSON in UTF-8 (the push's), sent as it is. */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}
}

/**
 * One request to the hub, its answer parsed with the shared contract. The token travels only in the
 * Authorization header and is never part of an error message, so nothing that logs an error logs it.
 */
function request<S extends z.ZodType>(
  options: HubClientOptions,
  key: PathKey,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  return hubRequest(options, HUB_METHODS[key], path, schema, body);
}

/** A request to any path of the hub's contract, e.g. reference-contract.ts's. */
export async function hubRequest<S extends z.ZodType>(
  options: HubClientOptions,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const headers: Record<string, string> = {
    [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
    [APP_VERSION_HEADER]: options.appVersion,
  };
  if (options.token) headers.authorization = bearer(options.token);
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    // Appended, not resolved: a hub behind a reverse proxy may live under a path of its own.
    response = await fetch(`${options.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers,
      // Bytes, not a string: fetch would first copy a string to check its UTF-16 (toUSVString).
      body:
        body === undefined
          ? undefined
          : body instanceof JsonBytes
            ? body.bytes
            : Buffer.from(JSON.stringify(body)),
      signal: AbortSignal.timeout(options.timeoutMs ?? HUB_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new HubUnreachable(timedOut ? HUB_TIMEOUT : 'connection failed');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new HubUnreachable(`HTTP ${response.status} without a JSON body`);
  }
  if (!response.ok) {
    const refusal = hubErrorSchema.safeParse(json);
    if (!refusal.success) throw new HubUnreachable(`HTTP ${response.status} not from a hub`);
    const { code, message } = refusal.data;
    throw new HubRefusal(code, message || HUB_ERROR_MESSAGES[code], response.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HubUnreachable('an answer not in the hub contract');
  return parsed.data;
}

export function enrol(options: HubClientOptions, input: EnrolRequest) {
  return request(options, 'enrol', HUB_PATHS.enrol, enrolResponseSchema, input);
}

export function terminalSelf(options: HubClientOptions) {
  return request(options, 'terminal', HUB_PATHS.terminal, terminalSelfResponseSchema);
}

/** The county's latest org tree, or null before the county has published one. */
export async function latestOrgTree(options: HubClientOptions) {
  try {
    return await request(options, 'orgTree', HUB_PATHS.orgTree, orgTreeEditionSchema);
  } catch (error) {
    if (error instanceof HubRefusal && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

export function issueEnrolmentCode(options: HubClientOptions, orgUnitCode: string) {
  return request(
    options,
    'adminEnrolmentCodes',
    HUB_PATHS.adminEnrolmentCodes,
    issueEnrolmentCodeResponseSchema,
    { orgUnitCode },
  );
}

export function listTerminals(options: HubClientOptions) {
  return request(options, 'adminTerminals', HUB_PATHS.adminTerminals, listTerminalsResponseSchema);
}

export function revokeTerminal(options: HubClientOptions, terminalId: string) {
  return request(
    options,
    'adminRevokeTerminal',
    HUB_PATHS.adminRevokeTerminal(terminalId),
    revokeTerminalResponseSchema,
    {},
  );
}
