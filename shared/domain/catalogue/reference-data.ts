import { z } from 'zod';

/**
 * What every reference-data file in resources/ has in common: an edition that the hub can later replace,
 * and lists whose codes (and labels) are unique.
 */

/** The edition of a shipped or pulled reference file, e.g. "2025.1". */
export const editionSchema = z
  .string()
  .trim()
  .min(1, '请填写数据版本')
  .max(20, '数据版本不超过 20 个字符');

/** A problem a pure rule found in reference data, in the shape of shared/domain's rule errors. */
export interface ReferenceProblem<C extends string = string> {
  /** Stable, upper-snake code that tests and importers branch on. */
  code: C;
  /** Chinese, fit to show to the supervisor who edits or imports the data. */
  message: string;
  /** Where the problem is, relative to the list or item checked. */
  path: (string | number)[];
}

/**
 * The indexes of entries whose key was already used by an earlier entry. The key is compared as given;
 * callers normalise (trim, case) first when they want a looser notion of "the same".
 */
export function findDuplicates<T>(entries: readonly T[], key: (entry: T) => string): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  entries.forEach((entry, index) => {
    const k = key(entry);
    if (seen.has(k)) duplicates.push(index);
    else seen.add(k);
  });
  return duplicates;
}
