import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubRefusal, HubUnreachable } from './client';
import { readFeed, updateFeedFor } from './update-feed';

const YML = `version: 0.2.0
files:
  - url: desk-setup-0.2.0.exe
    sha512: ${'A'.repeat(86)}==
    size: 1234
path: desk-setup-0.2.0.exe
sha512: ${'A'.repeat(86)}==
releaseDate: '2026-12-06T08:00:00.000Z'
`;

/** A stand-in for the hub's feed: what it answers is set per test, what it was asked is kept. */
let answer: { status: number; body: string; headers?: Record<string, string> };
let asked: { url: string; headers: IncomingHttpHeaders } | null = null;
let server: Server;
let hubUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    asked = { url: request.url ?? '', headers: request.headers };
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

describe('the update feed', () => {
  it('is the hub’s /v1/updates/ folder, with the token in request headers and not in the URL', () => {
    const feed = updateFeedFor('https://10.33.1.20:8443/hub/', 'secret-token', '0.1.0');
    expect(feed.url).toBe('https://10.33.1.20:8443/hub/v1/updates/');
    expect(feed.url).not.toContain('secret-token');
    expect(feed.requestHeaders).toEqual({
      authorization: 'Bearer secret-token',
      'x-township-desk-protocol': '1',
      'x-township-desk-app-version': '0.1.0',
    });
  });

  it('reads the version on offer and the oldest version the hub still syncs with', async () => {
    answer = {
      status: 200,
      body: YML,
      headers: { 'x-township-desk-oldest-app-version': '0.1.5' },
    };
    const feed = updateFeedFor(hubUrl, 'secret-token', '0.1.0');
    expect(await readFeed(feed)).toEqual({
      latestVersion: '0.2.0',
      releaseDate: '2026-12-06T08:00:00.000Z',
      oldestAppVersion: '0.1.5',
    });
    expect(asked).toMatchObject({
      url: '/v1/updates/latest.yml',
      headers: { authorization: 'Bearer secret-token', 'x-township-desk-app-version': '0.1.0' },
    });
  });

  it('takes a hub without a release as nothing on offer', async () => {
    answer = { status: 404, body: JSON.stringify({ code: 'NOT_FOUND', message: '没有' }) };
    expect(await readFeed(updateFeedFor(hubUrl, 't', '0.1.0'))).toEqual({
      latestVersion: null,
      releaseDate: null,
      oldestAppVersion: null,
    });
  });

  it('passes on the hub’s refusal, and treats what is not a hub as unreachable', async () => {
    answer = {
      status: 401,
      body: JSON.stringify({ code: 'TERMINAL_REVOKED', message: '终端已被县级平台停用' }),
    };
    await expect(readFeed(updateFeedFor(hubUrl, 't', '0.1.0'))).rejects.toBeInstanceOf(HubRefusal);
    answer = { status: 200, body: '<html>proxy login</html>' };
    await expect(readFeed(updateFeedFor(hubUrl, 't', '0.1.0'))).rejects.toBeInstanceOf(
      HubUnreachable,
    );
  });
});
