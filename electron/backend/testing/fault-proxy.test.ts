import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  randomFaults,
  seededRandom,
  startFaultProxy,
  type Fault,
  type FaultProxy,
} from './fault-proxy';

/** A stand-in hub that records what reached it, in order. */
let hub: Server;
let hubUrl: string;
let seen: string[];
let proxy: FaultProxy | null;

beforeEach(async () => {
  seen = [];
  proxy = null;
  hub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ n: seen.length }));
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await proxy?.close();
  await new Promise((resolve) => hub.close(resolve));
});

function always(fault: Fault) {
  return () => fault;
}

async function post(path: string, body: string): Promise<Response> {
  return fetch(`${proxy!.url}${path}`, { method: 'POST', body });
}

describe('the fault proxy between terminal and hub', () => {
  it('passes a request through with its body and answer', async () => {
    proxy = await startFaultProxy(hubUrl, always({ kind: 'pass' }));
    const response = await post('/v1/sync/push', 'a');
    expect(await response.json()).toEqual({ n: 1 });
    expect(seen).toEqual(['POST /v1/sync/push a']);
  });

  it('cuts before the hub: the terminal fails and the hub saw nothing', async () => {
    proxy = await startFaultProxy(hubUrl, always({ kind: 'cutBefore' }));
    await expect(post('/x', 'a')).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  it('cuts after the hub handled it: the terminal fails although the hub has the change', async () => {
    proxy = await startFaultProxy(hubUrl, always({ kind: 'cutAfter' }));
    await expect(post('/x', 'a')).rejects.toThrow();
    expect(seen).toEqual(['POST /x a']);
  });

  it('duplicates a request: the hub sees it twice, the terminal one answer', async () => {
    proxy = await startFaultProxy(hubUrl, always({ kind: 'duplicate' }));
    const response = await post('/x', 'a');
    expect(await response.json()).toEqual({ n: 2 });
    expect(seen).toEqual(['POST /x a', 'POST /x a']);
  });

  it('answers 5xx without reaching the hub', async () => {
    proxy = await startFaultProxy(hubUrl, always({ kind: 'error5xx', status: 503 }));
    expect((await post('/x', 'a')).status).toBe(503);
    expect(seen).toEqual([]);
  });

  it('reorders: a held request reaches the hub after the one sent next', async () => {
    proxy = await startFaultProxy(hubUrl, ({ n }) =>
      n === 1 ? { kind: 'holdForReorder' } : { kind: 'pass' },
    );
    const first = post('/x', 'first');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = post('/x', 'second');
    await Promise.all([first, second]);
    expect(seen).toEqual(['POST /x second', 'POST /x first']);
    expect(proxy.counts).toMatchObject({ holdForReorder: 1, pass: 1 });
  });

  it('draws the same faults for the same seed', () => {
    const weights = { pass: 5, cutBefore: 1, cutAfter: 1, duplicate: 1, delay: 1, error5xx: 1 };
    const draw = (seed: number) => {
      const plan = randomFaults(seededRandom(seed), weights);
      return Array.from({ length: 50 }, (_, i) => plan({ method: 'POST', path: '/', n: i + 1 }));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(new Set(draw(7).map((fault) => fault.kind)).size).toBeGreaterThan(3);
  });
});
