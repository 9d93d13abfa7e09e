import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_SECRET_HEADER, HTTP_SESSION_HEADER } from '@shared/api';
import { PAGE_SECURITY_HEADERS } from '@shared/security/page-headers';
import type { Backend } from '../app/backend';
import { readStatic, resolveStatic } from './static-files';

const COOKIE = 'desk_secret';
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface HttpHost {
  url: string;
  broadcast(event: { name: string; payload: unknown }): void;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieSecret(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return null;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...PAGE_SECURITY_HEADERS,
    'content-type': type,
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** application/json, with or without parameters such as charset. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the backend behind a loopback-only HTTP server. A per-launch secret guards every
 * request: the first page load carries it in the URL and gets it as an HttpOnly cookie for assets and
 * events; API calls must send it in a header, which a foreign web page cannot do without a CORS
 * preflight that this server never grants. The Host header is checked against DNS rebinding.
 */
export async function startHttpHost(
  backend: Backend,
  options: { port: number; rendererDir: string; secret: string },
): Promise<HttpHost> {
  const { secret, rendererDir } = options;
  const listeners = new Set<ServerResponse>();
  let allowedHosts: Set<string> = new Set();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() =>
      send(res, 500, 'text/plain; charset=utf-8', '服务器内部错误'),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? ''))
      return send(res, 421, 'text/plain; charset=utf-8', 'Misdirected Request');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    const fromQuery = url.searchParams.get('secret');
    const authorised = sameSecret(fromQuery, secret) || sameSecret(cookieSecret(req), secret);
    if (!authorised)
      return send(
        res,
        401,
        'text/plain; charset=utf-8',
        '未授权：请使用启动时打印的完整地址（含 secret）打开',
      );
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
    const { body, type } = readStatic(file);
    const headers: Record<string, string> = fromQuery
      ? { 'set-cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/` }
      : {};
    send(res, 200, type, body, headers);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const json = 'application/json; charset=utf-8';
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameSecret(cookieSecret(req), secret))
        return send(
          res,
          401,
          json,
          JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: '未授权' } }),
        );
      res.writeHead(200, {
        ...PAGE_SECURITY_HEADERS,
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    const header = req.headers[HTTP_SECRET_HEADER];
    if (!sameSecret(typeof header === 'string' ? header : null, secret)) {
      return send(
        res,
        401,
        json,
        JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: '未授权的请求' } }),
      );
    }
    if (req.method !== 'POST')
      return send(
        res,
        405,
        json,
        JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: '请求方法不正确' } }),
      );
    // Only a JSON body is read: a form or text/plain POST is what a foreign page can send without a
    // CORS preflight, so it is refused before anything parses it.
    if (!isJson(req.headers['content-type']))
      return send(
        res,
        415,
        json,
        JSON.stringify({
          ok: false,
          error: { code: 'INVALID_INPUT', message: '请求内容类型必须是 application/json' },
        }),
      );
    let input: unknown;
    try {
      const text = await readBody(req);
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      return send(
        res,
        400,
        json,
        JSON.stringify({
          ok: false,
          error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' },
        }),
      );
    }
    const sessionHeader = req.headers[HTTP_SESSION_HEADER];
    const result = await backend.call({
      method: decodeURIComponent(url.pathname.slice('/api/'.length)),
      input,
      session: typeof sessionHeader === 'string' ? sessionHeader : undefined,
    });
    send(res, 200, json, JSON.stringify(result));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}/?secret=${secret}`,
    broadcast(event) {
      const line = `data: ${JSON.stringify(event)}\n\n`;
      for (const res of listeners) res.write(line);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
