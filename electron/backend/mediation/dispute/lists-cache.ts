import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  disputeTypesFileSchema,
  mediationReferenceFileSchema,
  type MediationReferenceFile,
} from '@shared/domain/catalogue/mediation-reference';
import shippedTypes from '../../../../resources/dispute-types.json';
import shippedReference from '../../../../resources/mediation-reference.json';
import { readHeldReference } from '../../core/reference-data';
import type { Db } from '../../db/queryable';
import type { Database } from '../../db/schema';

export type DisputeTypesFile = z.infer<typeof disputeTypesFileSchema>;

/** The dispute types and the mediation reference lists as this terminal uses them. */
export interface MediationLists {
  disputeTypes: DisputeTypesFile;
  reference: MediationReferenceFile;
}

/**
 * The county's editions as last applied here, or the shipped files before the first. Parsed on
 * use: stored and shipped data are still input, and a broken one must fail loudly, not half-load.
 */
export async function loadMediationLists(db: Db): Promise<MediationLists> {
  const [types, reference] = await Promise.all([
    readHeldReference(db, 'disputeTypes'),
    readHeldReference(db, 'mediationReference'),
  ]);
  return {
    disputeTypes: disputeTypesFileSchema.parse(
      types?.payload ? JSON.parse(types.payload) : shippedTypes,
    ),
    reference: mediationReferenceFileSchema.parse(
      reference?.payload ? JSON.parse(reference.payload) : shippedReference,
    ),
  };
}

/**
 * The lists of one runtime, read once and kept until an edition is applied. Like the calendar's
 * cache, it remembers the database it read, so that a restored backup is read afresh.
 */
export class MediationListsCache {
  private entry: { db: Kysely<Database>; lists: Promise<MediationLists> } | null = null;

  get(db: Kysely<Database>): Promise<MediationLists> {
    if (this.entry?.db !== db) {
      const lists = loadMediationLists(db);
      const entry = { db, lists };
      this.entry = entry;
      lists.catch(() => {
        if (this.entry === entry) this.entry = null;
      });
    }
    return this.entry.lists;
  }

  /** Call after the commit that changed reference_data's lists. */
  invalidate(): void {
    this.entry = null;
  }
}
