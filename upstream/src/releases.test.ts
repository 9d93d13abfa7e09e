import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import {
  APP_VERSION_HEADER,
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
} from '@shared/sync/hub-contract';
import {
  OLDEST_APP_VERSION_HEADER,
  RELEASE_MANIFEST_HEADER,
  adminReleaseUploadPath,
} from '@shared/sync/updates-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';

const installer = Buffer.from('MZ fake installer bytes '.repeat(4000));
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

function latestYml(version: string, bytes = installer, name = `desk-setup-${version}.exe`) {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512(bytes)}`,
    `    size: ${bytes.length}`,
    `path: ${name}`,
    `sha512: ${sha512(bytes)}`,
    "releaseDate: '2026-12-06T08:00:00.000Z'",
    '',
  ].join('\n');
}

describeOnBackends('app releases', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  async function countyAndTownship() {
    hub = await startTestHub(db());
    const county = (await hub.enrol(hub.firstCode)).body.token as string;
    const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
      token: county,
      body: { orgUnitCode: `${hub.countyCode}001` },
    });
    const township = (await hub.enrol(code.body.code, '0.1.0')).body.token as string;
    return { county, township };
  }

  /** As the county centre's upload sends it: the installer streamed, latest.yml in a header. */
  function upload(
    token: string,
    yml: string,
    bytes: Buffer,
    options: { fileName?: string; oldest?: string; whole?: boolean } = {},
  ) {
    const fileName = options.fileName ?? /url: (\S+)/.exec(yml)![1]!;
    return hub.app.inject({
      method: 'PUT',
      url: adminReleaseUploadPath(fileName),
      headers: {
        [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
        authorization: bearer(token),
        'content-type': 'application/octet-stream',
        [RELEASE_MANIFEST_HEADER]: Buffer.from(yml).toString('base64'),
        ...(options.oldest ? { [OLDEST_APP_VERSION_HEADER]: options.oldest } : {}),
      },
      // A stream in small chunks, as a 150 MB installer arrives; whole: with a Content-Length.
      payload: options.whole
        ? bytes
        : Readable.from(
            Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, i) =>
              bytes.subarray(i * 8192, (i + 1) * 8192),
            ),
          ),
    });
  }

  /** As electron-updater asks: no protocol header of ours unless requestHeaders add it. */
  function feed(token: string, path: string, headers: Record<string, string> = {}) {
    return hub.app.inject({
      method: 'GET',
      url: `/v1/updates/${path}`,
      headers: { authorization: bearer(token), ...headers },
    });
  }

  it('serves an uploaded release as electron-updater’s generic provider expects', async () => {
    const { county, township } = await countyAndTownship();
    const yml = latestYml('0.2.0');
    const uploaded = await upload(county, yml, installer);
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json().release).toMatchObject({
      version: '0.2.0',
      fileName: 'desk-setup-0.2.0.exe',
      size: installer.length,
      releaseDate: '2026-12-06T08:00:00.000Z',
      oldestAppVersion: null,
    });

    const channel = await feed(township, 'latest.yml?noCache=1a2b');
    expect(channel.statusCode).toBe(200);
    expect(channel.body).toBe(yml);
    const file = await feed(township, 'desk-setup-0.2.0.exe');
    expect(file.statusCode).toBe(200);
    expect(sha512(file.rawPayload)).toBe(sha512(installer));

    const part = await feed(township, 'desk-setup-0.2.0.exe', { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${installer.length}`);
    expect(part.rawPayload.equals(installer.subarray(100, 200))).toBe(true);
  });

  it('refuses an installer that is not the one latest.yml describes, and keeps nothing of it', async () => {
    const { county, township } = await countyAndTownship();
    const tampered = Buffer.from(installer);
    tampered[10] = 0x21;
    const mismatch = await upload(county, latestYml('0.2.0'), tampered);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('RELEASE_FILE_MISMATCH');
    const longer = await upload(county, latestYml('0.2.0'), Buffer.concat([installer, installer]), {
      whole: true,
    });
    expect(longer.json().code).toBe('RELEASE_FILE_MISMATCH');

    const garbled = await upload(county, 'version: [unclosed', installer, { fileName: 'x.exe' });
    expect(garbled.statusCode).toBe(422);
    expect(garbled.json()).toMatchObject({ code: 'RELEASE_INVALID' });
    const noSha = await upload(
      county,
      latestYml('0.2.0').replace(/sha512: \S+/g, 'sha512: x'),
      installer,
    );
    expect(noSha.json().code).toBe('RELEASE_INVALID');
    expect(noSha.json().fields['files.0.sha512']).toContain('sha512');
    const otherName = await upload(county, latestYml('0.2.0'), installer, {
      fileName: 'other.exe',
    });
    expect(otherName.json().message).toContain('desk-setup-0.2.0.exe');

    expect((await feed(township, 'latest.yml')).statusCode).toBe(404);
    // Nothing half-written is left behind, under any name.
    const versionFolder = join(hub.releasesDir, hub.countyCode, '0.2.0');
    expect(readdirSync(versionFolder)).toEqual([]);
  });

  it('accepts only a newer version than the current one', async () => {
    const { county } = await countyAndTownship();
    expect((await upload(county, latestYml('0.2.0'), installer)).statusCode).toBe(201);
    const same = await upload(county, latestYml('0.2.0'), installer);
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('RELEASE_NOT_NEWER');
    expect((await upload(county, latestYml('0.2.0-beta.1'), installer)).statusCode).toBe(409);
    expect((await upload(county, latestYml('0.10.0'), installer)).statusCode).toBe(201);
  });

  it('lets only the county centre upload, and only enrolled terminals read the feed', async () => {
    const { township } = await countyAndTownship();
    const refused = await upload(township, latestYml('0.2.0'), installer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    const anonymous = await hub.app.inject({ method: 'GET', url: '/v1/updates/latest.yml' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses sync to an app older than the oldest stated, while it may still update', async () => {
    const { county, township } = await countyAndTownship();
    const uploaded = await upload(county, latestYml('0.3.0'), installer, { oldest: '0.2.0' });
    expect(uploaded.json().release.oldestAppVersion).toBe('0.2.0');
    const old = { [APP_VERSION_HEADER]: '0.1.0' };

    const sync = await hub.call('GET', HUB_PATHS.orgTree, { token: township, headers: old });
    expect(sync.status).toBe(426);
    expect(sync.body).toMatchObject({ code: 'APP_TOO_OLD', oldestAppVersion: '0.2.0' });
    expect(sync.body.message).toMatch(/^本机软件版本过旧.*请更新.*本机数据仍可离线使用$/);

    expect((await hub.call('GET', HUB_PATHS.health)).status).toBe(200);
    expect(
      (await hub.call('GET', HUB_PATHS.terminal, { token: township, headers: old })).status,
    ).toBe(200);
    const channel = await feed(township, 'latest.yml', old);
    expect(channel.statusCode).toBe(200);
    expect(channel.headers[OLDEST_APP_VERSION_HEADER]).toBe('0.2.0');
    expect((await feed(township, 'desk-setup-0.3.0.exe', old)).statusCode).toBe(200);

    const current = { [APP_VERSION_HEADER]: '0.2.0' };
    expect(
      (await hub.call('GET', HUB_PATHS.orgTree, { token: township, headers: current })).status,
    ).toBe(200);
  });

  it('takes the operator’s --oldest-app-version as a floor', async () => {
    hub = await startTestHub(db(), { oldestAppVersion: '0.5.0' });
    const county = (await hub.enrol(hub.firstCode)).body.token as string;
    const sync = await hub.call('GET', HUB_PATHS.orgTree, {
      token: county,
      headers: { [APP_VERSION_HEADER]: '0.4.9' },
    });
    expect(sync.status).toBe(426);
    expect(sync.body.oldestAppVersion).toBe('0.5.0');
  });
});
