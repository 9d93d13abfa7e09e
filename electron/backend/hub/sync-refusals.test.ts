import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect } from 'vitest';
import { HUB_ERROR_MESSAGES, HUB_ERROR_STATUS } from '@shared/sync/hub-contract';
import { test } from '../testing/fixtures';
import type { Harness } from '../testing/harness';
import { writeEnrolment } from './repository';

/** A hub that answers every request with one refusal. */
function refusingHub(code: 'PROTOCOL_TOO_OLD'): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(HUB_ERROR_STATUS[code], { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ code, message: HUB_ERROR_MESSAGES[code], oldestProtocolVersion: 2 }),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function enrolAt(h: Harness, server: Server) {
  const rt = h.backend.runtime;
  rt.hubTokens.write('token-of-a-test');
  await writeEnrolment(rt.db, {
    hubUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hubName: '测试平台',
    terminalId: rt.terminal!.terminalId,
    terminalNumber: '01',
    orgUnit: { code: '330302001', name: '五马街道', level: 'township' },
    countyCode: '330302',
    joinedAt: rt.stamper.nowIso(),
    lastContactAt: null,
    revokedAt: null,
  });
}

describe('a sync cycle the hub refuses', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.close();
    server = null;
  });

  test('records PROTOCOL_TOO_OLD with the hub’s message and keeps the terminal as it was', async ({
    harness: h,
    township,
  }) => {
    server = await refusingHub('PROTOCOL_TOO_OLD');
    await enrolAt(h, server);
    const synced = await h.ok('hub.syncNow', {}, township.admin);
    expect(synced).toMatchObject({
      applied: [],
      problem: HUB_ERROR_MESSAGES.PROTOCOL_TOO_OLD,
    });
    const status = await h.ok('hub.status', {}, township.admin);
    expect(status).toMatchObject({
      state: 'connected',
      lastSyncProblem: expect.stringMatching(/本机软件版本过旧/),
    });
    expect(status.lastSyncAt).not.toBeNull();
  });
});
