import type { Result } from '@shared/api';
import { HTTP_SECRET_HEADER, HTTP_SESSION_HEADER } from '@shared/api/transport';
import { transportFailure, type RawEvent, type Transport } from './transport';

const NO_SECRET = '访问密钥无效：请使用程序启动时打印的完整地址重新打开本页面';
const UNREACHABLE = '无法连接本机服务，请确认程序仍在运行后重试';

/** Browser mode: POST /api/<method> with the launch secret in a header, events over SSE. */
export function createHttpTransport(
  win: Window & typeof globalThis,
  secret: string | null,
): Transport {
  const listeners = new Set<(event: RawEvent) => void>();
  let source: EventSource | null = null;

  function openEvents(): EventSource {
    // The events stream is authenticated by the HttpOnly cookie set when the page was first loaded.
    const events = new win.EventSource('/api/events');
    events.onmessage = (message: MessageEvent<string>) => {
      let event: RawEvent;
      try {
        event = JSON.parse(message.data) as RawEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    return events;
  }

  return {
    async call(method, input, session) {
      if (!secret) return transportFailure(NO_SECRET);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        [HTTP_SECRET_HEADER]: secret,
      };
      if (session !== undefined) headers[HTTP_SESSION_HEADER] = session;
      let response: Response;
      try {
        response = await win.fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
        });
      } catch {
        return transportFailure(UNREACHABLE);
      }
      // 401 here means the secret was refused, not the session: the backend answers that in the body.
      if (response.status === 401) return transportFailure(NO_SECRET);
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return transportFailure(UNREACHABLE);
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      source ??= openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
