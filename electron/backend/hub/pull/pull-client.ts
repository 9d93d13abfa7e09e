import { z } from 'zod';
import {
  SYNC_PATHS,
  digestResponseSchema,
  pullPath,
  pullResponseSchema,
  type PulledRecord,
} from '@shared/sync/records-contract';
import { checkedPulledRecord } from '@shared/sync/pulled-record-check';
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

/**
 * Records of an arriving page, checked against the contract as hubRequest checks an answer: one
 * record out of it refuses them all.
 */
export function pulledRecords(records: readonly unknown[]): PulledRecord[] {
  const checked: PulledRecord[] = [];
  for (const record of records) {
    const valid = checkedPulledRecord(record);
    if (!valid) throw new HubUnreachable('an answer not in the hub contract');
    checked.push(valid);
  }
  return checked;
}

export function hubDigest(hub: HubClientOptions) {
  return hubRequest(hub, 'GET', SYNC_PATHS.digest, digestResponseSchema);
}
