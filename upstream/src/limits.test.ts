import { afterEach, expect, it } from 'vitest';
import { HUB_PATHS, PROTOCOL_HEADER } from '@shared/sync/hub-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';

describeOnBackends('request limits', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  it('answers 429 with Retry-After once a token goes over its limit', async () => {
    hub = await startTestHub(db(), { rateLimit: { max: 3, windowMs: 60_000 } });
    const token = (await hub.enrol(hub.firstCode)).body.token;
    for (let i = 0; i < 3; i++) {
      expect((await hub.call('GET', HUB_PATHS.terminal, { token })).status).toBe(200);
    }
    const limited = await hub.call('GET', HUB_PATHS.terminal, { token });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      message: '请求过于频繁，请稍后再试',
      retryAfterSeconds: retryAfter,
    });
  });

  it('limits guessing enrolment codes per address', async () => {
    hub = await startTestHub(db(), { enrolRateLimit: { max: 2, windowMs: 60_000 } });
    expect((await hub.enrol('2345-6789-ABCD')).status).toBe(404);
    expect((await hub.enrol('2345-6789-ABCE')).status).toBe(404);
    const limited = await hub.enrol(hub.firstCode);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('refuses a body over the limit with 413 and a Chinese message', async () => {
    hub = await startTestHub(db(), { bodyLimit: 1024 });
    const token = (await hub.enrol(hub.firstCode)).body.token;
    const units = Array.from({ length: 40 }, (_, i) => ({
      code: `${hub.countyCode}${String(i + 1).padStart(3, '0')}`,
      name: `第${i + 1}街道`,
      level: 'township',
      parentCode: hub.countyCode,
    }));
    const tooLarge = await hub.call('PUT', HUB_PATHS.adminOrgTree, {
      token,
      body: { baseEdition: 1, units },
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容过大，县级平台未接收',
    });
  });

  it('tells a terminal of an older protocol to update (426), and answers /health to anyone', async () => {
    hub = await startTestHub(db(), { oldestProtocolVersion: 2 });
    const old = await hub.call('POST', HUB_PATHS.enrol, {
      body: { code: hub.firstCode, appVersion: '0.1.0' },
    });
    expect(old.status).toBe(426);
    expect(old.headers['x-township-desk-oldest-protocol']).toBe('2');
    expect(old.body).toMatchObject({ code: 'PROTOCOL_TOO_OLD', oldestProtocolVersion: 2 });
    expect(old.body.message).toContain('请先更新软件');
    const missing = await hub.app.inject({ method: 'GET', url: HUB_PATHS.terminal });
    expect(missing.statusCode).toBe(426);
    const health = await hub.app.inject({ method: 'GET', url: HUB_PATHS.health });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({
      status: 'ok',
      hubName: '测试县基层一窗通县级平台',
      protocolVersion: 1,
      oldestProtocolVersion: 2,
    });
    expect(PROTOCOL_HEADER).toBe('x-township-desk-protocol');
  });
});
