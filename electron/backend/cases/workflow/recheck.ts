import { missingRequired } from '@shared/domain/cases/checklist';
import type { Db } from '../../db/queryable';
import { recheck, storedChecklist, type ParsedCheck } from '../intake/checklist';
import { listMaterials } from '../repository';

/**
 * The case's checklist marked again (补正, receipt at the township) and the required materials still
 * missing; `stored` is what updateChecklist compares the new marks with, `before` the marks as they were.
 */
export async function recheckCase(db: Db, caseId: string, checks: readonly ParsedCheck[]) {
  const stored = await listMaterials(db, caseId);
  const before = storedChecklist(stored);
  const checklist = recheck(before, checks);
  return { stored, before, checklist, missing: missingRequired(checklist) };
}
