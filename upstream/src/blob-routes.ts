import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import {
  BLOB_CHUNK_MAX,
  BLOB_OFFSET_HEADER,
  BLOB_STATE_HEADER,
  SYNC_PATHS,
  parseContentRange,
  sha256Schema,
  blobUploadResponseSchema,
} from '@shared/sync/blob-contract';
import { blobStatus, readableBlob, storeChunk } from './blobs';
import type { HubConfig } from './config';
import { HubFailure } from './failure';

const BLOB_ROUTE = SYNC_PATHS.blob(':sha256');

function sha256Param(params: { sha256: string }): string {
  const parsed = sha256Schema.safeParse(params.sha256);
  if (!parsed.success) throw new HubFailure('NOT_FOUND', '县级平台上没有这个附件');
  return parsed.data;
}

/**
 * Attachment files by SHA-256 (shared/sync/blob-contract.ts). Any enrolled terminal of the county
 * may upload: a terminal sends a file before the record that names it, and the hash names the
 * content whoever sends it. Reading needs a record the caller's unit sees.
 */
export function registerBlobRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode, blobs } = config;

  app.head<{ Params: { sha256: string } }>(BLOB_ROUTE, async (request, reply) => {
    await app.hubAuthenticate(request);
    const status = await blobStatus(db, blobs, countyCode, sha256Param(request.params));
    return reply
      .header(BLOB_OFFSET_HEADER, String(status.offset))
      .header(BLOB_STATE_HEADER, status.state)
      .header('cache-control', 'no-store')
      .send();
  });

  app.get<{ Params: { sha256: string } }>(
    BLOB_ROUTE,
    { exposeHeadRoute: false },
    async (request, reply) => {
      const caller = await app.hubAuthenticate(request);
      const blob = await readableBlob(
        db,
        blobs,
        countyCode,
        caller.orgUnit.id,
        sha256Param(request.params),
      );
      if (!blob) throw new HubFailure('NOT_FOUND', '县级平台上没有本单位可查看的这个附件');
      return reply
        .type('application/octet-stream')
        .header('content-length', String(blob.size))
        .header('cache-control', 'no-store')
        .send(createReadStream(blob.path));
    },
  );

  // Chunks arrive whole in memory (at most BLOB_CHUNK_MAX): a scope of its own keeps the parser here.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: BLOB_CHUNK_MAX },
      (_request, body, done) => done(null, body),
    );
    scope.put<{ Params: { sha256: string } }>(
      BLOB_ROUTE,
      { bodyLimit: BLOB_CHUNK_MAX },
      async (request, reply) => {
        const caller = await app.hubAuthenticate(request);
        const sha256 = sha256Param(request.params);
        const range = parseContentRange(request.headers['content-range']);
        if (!range || !Buffer.isBuffer(request.body))
          throw new HubFailure(
            'INVALID_INPUT',
            '附件上传需以 application/octet-stream 发送，并带 Content-Range（bytes 起-止/总长）',
          );
        const outcome = await storeChunk(db, blobs, {
          countyCode,
          sha256,
          range,
          bytes: request.body,
          terminalId: caller.terminalId,
          now: config.now(),
        });
        if (outcome.kind === 'offset-mismatch') {
          const failure = new HubFailure('BLOB_OFFSET_MISMATCH');
          return reply
            .status(failure.status)
            .header(BLOB_OFFSET_HEADER, String(outcome.offset))
            .header(BLOB_STATE_HEADER, outcome.offset > 0 ? 'partial' : 'absent')
            .send(failure.body());
        }
        return reply
          .header(BLOB_OFFSET_HEADER, String(outcome.offset))
          .header(BLOB_STATE_HEADER, outcome.complete ? 'complete' : 'partial')
          .send(
            blobUploadResponseSchema.parse({ offset: outcome.offset, complete: outcome.complete }),
          );
      },
    );
  });
}
