import {
  REFERENCE_PATHS,
  publishReferenceRequestSchema,
  referenceEditionSchema,
  referenceManifestSchema,
  type PublishReferenceRequest,
  type ReferenceEdition,
  type ReferenceKind,
} from '@shared/sync/reference-contract';
import { HubRefusal, hubRequest, type HubClientOptions } from './client';

/** What the county has published: one small answer per sync cycle. */
export function referenceManifest(options: HubClientOptions) {
  return hubRequest(options, 'GET', REFERENCE_PATHS.manifest, referenceManifestSchema);
}

/** The county's latest edition of one kind, or null before its first. */
export async function pullReference<K extends ReferenceKind>(
  options: HubClientOptions,
  kind: K,
): Promise<ReferenceEdition<K> | null> {
  try {
    return (await hubRequest(
      options,
      'GET',
      REFERENCE_PATHS.edition(kind),
      referenceEditionSchema(kind),
    )) as ReferenceEdition<K>;
  } catch (error) {
    if (error instanceof HubRefusal && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** County centre only: a new edition of one kind; the answer is the edition as terminals pull it. */
export async function publishReference<K extends ReferenceKind>(
  options: HubClientOptions,
  kind: K,
  input: PublishReferenceRequest<K>,
): Promise<ReferenceEdition<K>> {
  const body = publishReferenceRequestSchema(kind).parse(input);
  return (await hubRequest(
    options,
    'PUT',
    REFERENCE_PATHS.publish(kind),
    referenceEditionSchema(kind),
    body,
  )) as ReferenceEdition<K>;
}
