import {
  SYNC_PATHS,
  digestResponseSchema,
  pullPath,
  pullResponseSchema,
} from '@shared/sync/records-contract';
import { hubRequest, type HubClientOptions } from '../client';

export function pullPage(
  hub: HubClientOptions,
  request: { after?: string; limit?: number; bucket?: string },
) {
  return hubRequest(hub, 'GET', pullPath(request), pullResponseSchema);
}

export function hubDigest(hub: HubClientOptions) {
  return hubRequest(hub, 'GET', SYNC_PATHS.digest, digestResponseSchema);
}
