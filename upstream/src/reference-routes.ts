import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  REFERENCE_KIND_LABELS,
  REFERENCE_PATHS,
  publishReferenceRequestSchema,
  publishReferenceResponseSchema,
  referenceEditionSchema,
  referenceKindSchema,
  referenceManifestSchema,
  type ReferenceKind,
  type ReferencePayload,
  type RosterFile,
} from '@shared/sync/reference-contract';
import type { HubConfig } from './config';
import { HubFailure, zodFields } from './failure';
import {
  latestEditionNumber,
  publishReference,
  readReference,
  referenceManifest,
  rosterVisibleTo,
} from './reference';
import { requireCountyCentre } from './terminals';

function knownKind(kind: string): ReferenceKind {
  const parsed = referenceKindSchema.safeParse(kind);
  if (!parsed.success) throw new HubFailure('NOT_FOUND', '县级平台没有这类基础数据');
  return parsed.data;
}

/** A body whose payload breaks the kind's rules is REFERENCE_INVALID; any other fault INVALID_INPUT. */
function parsePublishRequest<K extends ReferenceKind>(kind: K, body: unknown) {
  const parsed = publishReferenceRequestSchema(kind).safeParse(body);
  if (parsed.success) {
    return parsed.data as { baseEdition: number; payload: ReferencePayload<K> };
  }
  if (parsed.error.issues.some((issue) => issue.path[0] !== 'payload')) throw parsed.error;
  const fields = zodFields(parsed.error);
  throw new HubFailure(
    'REFERENCE_INVALID',
    `${REFERENCE_KIND_LABELS[kind]}有误，未发布：${Object.values(fields)[0]}`,
    { fields },
  );
}

/** A pull's answer, built once per edition: serialised, and gzipped for terminals that accept it. */
interface BuiltAnswer {
  edition: number;
  json: Buffer;
  gzip: Buffer;
}

function sendBuilt(request: FastifyRequest, reply: FastifyReply, answer: BuiltAnswer) {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    return reply.header('content-encoding', 'gzip').send(answer.gzip);
  }
  return reply.send(answer.json);
}

/**
 * Reference data editions (shared/sync/reference-contract.ts): the manifest every terminal polls,
 * the latest edition of a kind, and the county centre's publish. Answers are parsed with the
 * contract's schemas like every other route.
 */
export function registerReferenceRoutes(app: FastifyInstance, config: HubConfig): void {
  const { db, countyCode } = config;

  app.get(REFERENCE_PATHS.manifest, async (request) => {
    await app.hubAuthenticate(request);
    return referenceManifestSchema.parse(await referenceManifest(db, countyCode));
  });

  /*
   * An edition never changes once published, and after a publish every terminal of the county pulls
   * it within a minute (a catalogue is ~0.4 MB): its answer is parsed, serialised and gzipped once per
   * edition and process. Which edition is the latest is still asked of the database on every pull,
   * so that several hub processes on one database stay right. The roster is scoped per caller and
   * built per pull.
   */
  const built = new Map<ReferenceKind, BuiltAnswer>();

  app.get<{ Params: { kind: string } }>('/v1/reference/:kind', async (request, reply) => {
    const caller = await app.hubAuthenticate(request);
    const kind = knownKind(request.params.kind);
    const notYet = () =>
      new HubFailure('NOT_FOUND', `县级平台尚未发布${REFERENCE_KIND_LABELS[kind]}`);
    if (kind === 'roster') {
      const edition = await readReference(db, countyCode, kind);
      if (!edition) throw notYet();
      return referenceEditionSchema(kind).parse({
        ...edition,
        payload: rosterVisibleTo(caller.orgUnit, edition.payload as RosterFile),
      });
    }
    const latest = await latestEditionNumber(db, countyCode, kind);
    if (latest === null) throw notYet();
    let answer = built.get(kind);
    if (answer?.edition !== latest) {
      const edition = await readReference(db, countyCode, kind, latest);
      const json = Buffer.from(JSON.stringify(referenceEditionSchema(kind).parse(edition)));
      answer = { edition: latest, json, gzip: gzipSync(json) };
      built.set(kind, answer);
    }
    return sendBuilt(request, reply, answer);
  });

  app.put<{ Params: { kind: string } }>(
    '/v1/admin/reference/:kind',
    // A whole catalogue or roster is larger than any other request (config.ts says how much).
    { bodyLimit: config.referenceBodyLimit },
    async (request) => {
      const caller = await app.hubAuthenticate(request);
      requireCountyCentre(caller, countyCode);
      const kind = knownKind(request.params.kind);
      const input = parsePublishRequest(kind, request.body);
      const edition = await publishReference(
        db,
        countyCode,
        kind,
        input,
        caller.terminalId,
        config.now(),
      );
      request.log.info({ kind, edition: edition.edition }, 'reference data published');
      return publishReferenceResponseSchema(kind).parse(edition);
    },
  );
}
