import { z } from 'zod';
import { method } from '../define';
import { emptySchema } from './common';

const searchIndexRebuildSchema = z.object({
  residents: z.number().int(),
  cases: z.number().int(),
  disputes: z.number().int(),
  durationMs: z.number().int(),
});
export type SearchIndexRebuild = z.infer<typeof searchIndexRebuildSchema>;

export const searchIndexMethods = {
  /**
   * Rebuilds the full-text search indexes of residents, cases and disputes from their tables. Every
   * other request is refused with SEARCH_INDEX_REBUILDING while it runs.
   */
  'searchIndex.rebuild': method({
    input: emptySchema,
    output: searchIndexRebuildSchema,
    access: ['admin'],
  }),
};
