import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  OLDEST_APP_VERSION_HEADER,
  RELEASE_MANIFEST_HEADER,
  UPDATE_CHANNEL_FILE,
  UPDATE_FEED_PATH,
  uploadReleaseResponseSchema,
  ADMIN_RELEASES_PATH,
} from '@shared/sync/updates-contract';
import type { HubConfig } from './config';
import { HubFailure } from './failure';
import {
  currentReleaseRow,
  releaseByFileName,
  releaseFilePath,
  uploadRelease,
  type AppVersionPolicy,
} from './releases';
import { requireCountyCentre } from './terminals';

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`: one range; anything else is answered in full. */
function singleRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const length = Math.min(Number(match[2]), size);
    return { start: size - length, end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start <= end ? { start, end } : null;
}

/**
 * electron-updater's generic provider and the county centre's upload. The feed needs an enrolled
 * terminal's token, but answers an app that is too old or speaks an old protocol: that is how it
 * gets the update.
 */
export function registerReleaseRoutes(
  app: FastifyInstance,
  config: HubConfig,
  policy: AppVersionPolicy,
): void {
  const { db, countyCode } = config;

  app.get(`${UPDATE_FEED_PATH}/${UPDATE_CHANNEL_FILE}`, async (request, reply) => {
    await app.hubAuthenticate(request);
    // Stated even without a release: an operator's --oldest-app-version alone tells an app it is too old.
    const oldest = await policy.oldest(config.now().getTime());
    if (oldest) reply.header(OLDEST_APP_VERSION_HEADER, oldest);
    const current = await currentReleaseRow(db, countyCode);
    if (!current) throw new HubFailure('NOT_FOUND', '县级平台上还没有可用的新版本');
    return reply
      .header('cache-control', 'no-store')
      .type('text/yaml; charset=utf-8')
      .send(current.latest_yml);
  });

  app.get<{ Params: { fileName: string } }>(
    `${UPDATE_FEED_PATH}/:fileName`,
    async (request, reply) => {
      await app.hubAuthenticate(request);
      const release = await releaseByFileName(db, countyCode, request.params.fileName);
      if (!release) throw new HubFailure('NOT_FOUND', '县级平台上没有这个安装包');
      const path = releaseFilePath(config.releases, countyCode, release.version, release.file_name);
      const size = (await stat(path)).size;
      const range = singleRange(request.headers.range, size);
      reply.header('accept-ranges', 'bytes').type('application/octet-stream');
      if (!range) return reply.header('content-length', String(size)).send(createReadStream(path));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(createReadStream(path, range));
    },
  );

  // The installer is the raw body, streamed to disk: a scope of its own keeps that parser here.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );
    scope.put<{ Params: { fileName: string } }>(
      `${ADMIN_RELEASES_PATH}/:fileName`,
      async (request, reply) => {
        const caller = await app.hubAuthenticate(request);
        requireCountyCentre(caller, countyCode);
        const encoded = request.headers[RELEASE_MANIFEST_HEADER];
        if (typeof encoded !== 'string' || !(request.body && typeof request.body === 'object'))
          throw new HubFailure('RELEASE_INVALID', '上传需同时提供 latest.yml 和安装包');
        const oldest = request.headers[OLDEST_APP_VERSION_HEADER];
        const release = await uploadRelease(db, config.releases, {
          countyCode,
          manifest: Buffer.from(encoded, 'base64').toString('utf8'),
          fileName: request.params.fileName,
          body: request.body as Readable,
          declaredLength: request.headers['content-length']
            ? Number(request.headers['content-length'])
            : undefined,
          oldestAppVersion: typeof oldest === 'string' ? oldest : undefined,
          uploadedByTerminalId: caller.terminalId,
          now: config.now(),
        });
        policy.invalidate();
        request.log.info({ version: release.version, size: release.size }, 'release uploaded');
        return reply.status(201).send(uploadReleaseResponseSchema.parse({ release }));
      },
    );
  });
}
