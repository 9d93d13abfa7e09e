import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the network does to one request between a terminal and the hub (issue 15, item 8):
 * - pass: forwarded, answered;
 * - cutBefore: the connection drops before the hub sees the request;
 * - cutAfter: the hub handles (and commits) the request, then the connection drops before the answer
 *   reaches the terminal, which must not take that for a failure of the change;
 * - delay: forwarded after `ms`;
 * - duplicate: forwarded twice (a retrying proxy), the second answer returned;
 * - error5xx: answered 502 or 503 without reaching the hub;
 * - holdForReorder: held until the next request has been forwarded, so the two reach the hub in the
 *   reverse of the order they were sent.
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'cutBefore' }
  | { kind: 'cutAfter' }
  | { kind: 'delay'; ms: number }
  | { kind: 'duplicate' }
  | { kind: 'error5xx'; status: 502 | 503 }
  | { kind: 'holdForReorder' };

export interface FaultRequest {
  method: string;
  path: string;
  /** 1-based, in the order requests arrived at the proxy. */
  n: number;
}

export type FaultPlan = (request: FaultRequest) => Fault;

export interface FaultProxy {
  url: string;
  /** Replace the plan, e.g. to heal a partition. */
  setPlan(plan: FaultPlan): void;
  /** A restarted hub listens on a new port; the terminals keep the proxy's address. */
  setTarget(url: string): void;
  /**
   * Told when an answer has been handed to the terminal (e.g. to kill it while it records what the
   * hub decided, or while it applies a pulled page); null: nobody is told.
   */
  setOnAnswered(listener: ((request: FaultRequest) => void) | null): void;
  /** How many requests met each fault so far, for the run's report. */
  readonly counts: Readonly<Record<Fault['kind'], number>>;
  close(): Promise<void>;
}

/** Always the same sequence for one seed (mulberry32), so that a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plan that meets each request with a fault drawn by `weights` from `random`. */
export function randomFaults(
  random: () => number,
  weights: Partial<Record<Fault['kind'], number>>,
  maxDelayMs = 200,
): FaultPlan {
  const entries = Object.entries(weights).filter(([, weight]) => (weight ?? 0) > 0) as [
    Fault['kind'],
    number,
  ][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let draw = random() * total;
    for (const [kind, weight] of entries) {
      draw -= weight;
      if (draw < 0) return faultOf(kind, random, maxDelayMs);
    }
    return { kind: 'pass' };
  };
}

function faultOf(kind: Fault['kind'], random: () => number, maxDelayMs: number): Fault {
  switch (kind) {
    case 'delay':
      return { kind, ms: Math.floor(random() * maxDelayMs) };
    case 'error5xx':
      return { kind, status: random() < 0.5 ? 502 : 503 };
    default:
      return { kind } as Fault;
  }
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...incoming.headers, host: target.host };
    const outgoing = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers,
      },
      (response) => {
        readBody(response).then(
          (answer) =>
            resolve({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: answer,
            }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * An HTTP proxy in front of the hub that plays the network's faults by plan. Bodies are read whole
 * before forwarding, so a cut is always of a complete request or a complete answer; a half-sent
 * upload is the attachment tests' own concern.
 */
export async function startFaultProxy(targetUrl: string, plan: FaultPlan): Promise<FaultProxy> {
  let target = new URL(targetUrl);
  let current = plan;
  let arrived = 0;
  let held: (() => void) | null = null;
  let onAnswered: ((request: FaultRequest) => void) | null = null;
  const counts: Record<Fault['kind'], number> = {
    pass: 0,
    cutBefore: 0,
    cutAfter: 0,
    delay: 0,
    duplicate: 0,
    error5xx: 0,
    holdForReorder: 0,
  };
  const sockets = new Set<Socket>();

  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const body = await readBody(incoming);
      arrived += 1;
      const request: FaultRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        n: arrived,
      };
      const fault = current(request);
      counts[fault.kind] += 1;
      // A request held for reordering goes out right after this one; this one first.
      const release = held;
      held = null;
      const reply = (answer: Answer) => {
        outgoing.writeHead(answer.status, answer.headers);
        outgoing.end(answer.body, () => onAnswered?.(request));
      };
      try {
        switch (fault.kind) {
          case 'cutBefore':
            incoming.socket.destroy();
            release?.();
            return;
          case 'error5xx':
            release?.();
            outgoing.writeHead(fault.status, { 'content-type': 'text/plain' });
            outgoing.end('proxy fault');
            return;
          case 'holdForReorder':
            release?.();
            await new Promise<void>((resume) => {
              held = resume;
              // Nothing else may come: don't hold the terminal longer than a slow network would.
              setTimeout(() => {
                if (held === resume) held = null;
                resume();
              }, 500);
            });
            reply(await forward(target, incoming, body));
            return;
          case 'delay':
            await new Promise((resume) => setTimeout(resume, fault.ms));
            break;
          default:
            break;
        }
        const answer = await forward(target, incoming, body);
        release?.();
        if (fault.kind === 'duplicate') {
          reply(await forward(target, incoming, body));
          return;
        }
        if (fault.kind === 'cutAfter') {
          incoming.socket.destroy();
          return;
        }
        reply(answer);
      } catch {
        release?.();
        // The hub itself is down or dropped us: the terminal sees a dropped connection too.
        incoming.socket.destroy();
      }
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setPlan(next) {
      current = next;
    },
    setTarget(url) {
      target = new URL(url);
    },
    setOnAnswered(listener) {
      onAnswered = listener;
    },
    counts,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
