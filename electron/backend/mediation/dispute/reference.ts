import type { Kysely } from 'kysely';
import type { MethodOutput } from '@shared/api';
import {
  disputeTypesFileSchema,
  mediationReferenceFileSchema,
  referenceLabel,
  type MediationReferenceFile,
  type ReferenceEntry,
} from '@shared/domain/catalogue/mediation-reference';
import type { z } from 'zod';
import shippedTypes from '../../../../resources/dispute-types.json';
import shippedReference from '../../../../resources/mediation-reference.json';
import { DomainError } from '../../core/errors';
import { readHeldReference } from '../../core/reference-data';
import type { Runtime } from '../../core/runtime';
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

export function mediationLists(rt: Runtime): Promise<MediationLists> {
  return rt.mediationLists.get(rt.db);
}

export async function mediationReference(rt: Runtime): Promise<MediationReferenceFile> {
  return (await mediationLists(rt)).reference;
}

/** What the screens offer: the lists above and the dispute types with their descriptions. */
export async function referenceForScreens(
  rt: Runtime,
): Promise<MethodOutput<'mediation.reference'>> {
  const lists = await mediationLists(rt);
  return { ...lists.reference, disputeTypes: lists.disputeTypes.types };
}

/** Refuses a code the reference list does not know, naming the field. */
export function ensureCode(
  entries: readonly ReferenceEntry[],
  code: string,
  field: string,
  what: string,
): void {
  if (!entries.some((entry) => entry.code === code)) {
    throw new DomainError('INVALID_INPUT', `未知的${what}：${code}`, { [field]: `请选择${what}` });
  }
}

export { referenceLabel };
