import type { CallEnvelope } from '@shared/api/transport';

/*
 * What a renderer sends is unknown until checked here: the backend validates each method's input,
 * but main must not pass on something that is not even an envelope.
 */

const MAX_METHOD_LENGTH = 100;
const MAX_TITLE_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCallEnvelope(value: unknown): CallEnvelope | null {
  if (!isRecord(value)) return null;
  const { method, input, session } = value;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return null;
  }
  if (session !== undefined && typeof session !== 'string') return null;
  // Rebuilt so that no extra property travels on to the backend.
  return session === undefined ? { method, input } : { method, input, session };
}

export function parsePrintRequest(value: unknown): { title: string } | null {
  if (!isRecord(value)) return null;
  const { title } = value;
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) return null;
  return { title };
}
