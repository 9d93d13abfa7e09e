import { z } from 'zod';
import {
  SYNC_PATHS,
  digestResponseSchema,
  pullPath,
  pullResponseSchema,
  pulledRecordSchema,
  type PulledRecord,
} from '@shared/sync/records-contract';
import { HubUnreachable, hubRequest, type HubClientOptions } from '../client';

/**
 * A page as it arrives: the envelope checked, its records not yet. Checking a thousand records at
 * once held the event loop for longer than a clerk's request may wait, so each slice's records are
 * checked (pulledRecords) just before they are applied.
 */
const arrivingPageSchema = pullResponseSchema.extend({ records: z.array(z.unknown()) });

export function pullPage(
  hub: HubClientOptions,
  request: { after?: string; limit?: number; bucket?: string },
) {
  return hubRequest(hub, 'GET', pullPath(request), arrivingPageSchema);
}

const recordsSchema = z.array(pulledRecordSchema);

/** Records of an arriving page, checked against the contract as hubRequest checks an answer. */
export function pulledRecords(records: readonly unknown[]): PulledRecord[] {
  const parsed = recordsSchema.safeParse(records);
  if (!parsed.success) throw new HubUnreachable('an answer not in the hub contract');
  return parsed.data;
}

export function hubDigest(hub: HubClientOptions) {
  return hubRequest(hub, 'GET', SYNC_PATHS.digest, digestResponseSchema);
}
