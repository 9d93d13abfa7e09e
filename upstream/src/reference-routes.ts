import type { FastifyInstance } from 'fastify';
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
import { latestReference, publishReference, referenceManifest, rosterVisibleTo } from './reference';
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

  app.get<{ Params: { kind: string } }>('/v1/reference/:kind', async (request) => {
    const caller = await app.hubAuthenticate(request);
    const kind = knownKind(request.params.kind);
    const edition = await latestReference(db, countyCode, kind);
    if (!edition) {
      throw new HubFailure('NOT_FOUND', `县级平台尚未发布${REFERENCE_KIND_LABELS[kind]}`);
    }
    const scoped =
      kind === 'roster'
        ? { ...edition, payload: rosterVisibleTo(caller.orgUnit, edition.payload as RosterFile) }
        : edition;
    return referenceEditionSchema(kind).parse(scoped);
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
