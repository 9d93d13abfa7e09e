import {
  BLOB_OFFSET_HEADER,
  BLOB_STATE_HEADER,
  SYNC_PATHS,
  blobStateSchema,
  blobUploadResponseSchema,
  formatContentRange,
  type BlobState,
} from '@shared/sync/blob-contract';
import {
  APP_VERSION_HEADER,
  HUB_ERROR_MESSAGES,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
  hubErrorSchema,
} from '@shared/sync/hub-contract';
import { HUB_TIMEOUT_MS, HubRefusal, HubUnreachable, type HubClientOptions } from './client';

/**
 * Attachment files at the hub (shared/sync/blob-contract.ts): raw bytes, not JSON, so these do not
 * go through hubRequest; the headers and the refusals are the same.
 */

async function send(
  options: HubClientOptions,
  method: 'HEAD' | 'GET' | 'PUT',
  sha256: string,
  extra: { headers?: Record<string, string>; body?: Uint8Array } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
    [APP_VERSION_HEADER]: options.appVersion,
    ...extra.headers,
  };
  if (options.token) headers.authorization = bearer(options.token);
  try {
    return await fetch(`${options.baseUrl.replace(/\/+$/, '')}${SYNC_PATHS.blob(sha256)}`, {
      method,
      headers,
      body: extra.body,
      signal: AbortSignal.timeout(options.timeoutMs ?? HUB_TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new HubUnreachable(timedOut ? 'timeout' : 'connection failed');
  }
}

/** The hub's error body as a HubRefusal; anything else means the answer did not come from a hub. */
async function refusal(response: Response): Promise<HubRefusal | HubUnreachable> {
  const parsed = hubErrorSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return new HubUnreachable(`HTTP ${response.status} not from a hub`);
  const { code, message } = parsed.data;
  return new HubRefusal(code, message || HUB_ERROR_MESSAGES[code], response.status);
}

function offsetOf(response: Response): number {
  const offset = Number(response.headers.get(BLOB_OFFSET_HEADER));
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new HubUnreachable('an answer without the upload offset');
  return offset;
}

/** How much of the file the hub holds. */
export async function blobStatus(
  options: HubClientOptions,
  sha256: string,
): Promise<{ state: BlobState; offset: number }> {
  const response = await send(options, 'HEAD', sha256);
  // A HEAD answer has no body to carry the hub's words.
  if (!response.ok) throw new HubUnreachable(`HTTP ${response.status} to HEAD`);
  const state = blobStateSchema.safeParse(response.headers.get(BLOB_STATE_HEADER));
  if (!state.success) throw new HubUnreachable('an answer without the file state');
  return { state: state.data, offset: offsetOf(response) };
}

/**
 * Sends bytes at `start` of a file `total` long. Answers the bytes the hub now holds: past this
 * chunk, or the hub's own offset when the chunk did not start where the hub stands.
 */
export async function putBlobChunk(
  options: HubClientOptions,
  sha256: string,
  chunk: Uint8Array,
  start: number,
  total: number,
): Promise<{ offset: number; complete: boolean }> {
  const response = await send(options, 'PUT', sha256, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-range': formatContentRange({ start, end: start + chunk.length - 1, total }),
    },
    body: chunk,
  });
  if (response.status === 409 && response.headers.has(BLOB_OFFSET_HEADER)) {
    await response.body?.cancel();
    return { offset: offsetOf(response), complete: false };
  }
  if (!response.ok) throw await refusal(response);
  const parsed = blobUploadResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new HubUnreachable('an answer not in the hub contract');
  return parsed.data;
}

/** The file's bytes; null when the hub has none this unit may see. At most `maxBytes` are read. */
export async function getBlob(
  options: HubClientOptions,
  sha256: string,
  maxBytes: number,
): Promise<Buffer | null> {
  const response = await send(options, 'GET', sha256);
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) throw await refusal(response);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw new HubUnreachable('a file larger than any attachment');
  }
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch {
    throw new HubUnreachable('the file was cut off');
  }
}
