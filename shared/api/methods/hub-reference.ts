import { z } from 'zod';
import { REFERENCE_KINDS } from '../../sync/reference-contract';
import { method } from '../define';
import { emptySchema } from './common';

/** The kinds the county centre publishes from the 县级平台 page; the roster has its own screen. */
export const PAGE_PUBLISHED_KINDS = ['calendar', 'disputeTypes', 'mediationReference'] as const;

const publishedSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  /** The hub's new edition number. */
  edition: z.number().int().min(1),
  /** What the edition holds, as applied here, e.g. 调解员 120 人（新增 3、更新 2、停用 1）. */
  summary: z.string(),
});
export type PublishedReference = z.infer<typeof publishedSchema>;

export const hubReferenceMethods = {
  /** Which edition of each kind this terminal last applied or published (null: none, shipped data). */
  'hub.heldReference': method({
    input: emptySchema,
    output: z.array(
      z.object({
        kind: z.enum(REFERENCE_KINDS),
        edition: z.number().int().nullable(),
        editionLabel: z.string().nullable(),
      }),
    ),
    access: ['admin', 'supervisor'],
  }),
  /** County centre: this terminal's holiday calendar or mediation lists as the county's new edition. */
  'hub.publishReference': method({
    input: z.object({ kind: z.enum(PAGE_PUBLISHED_KINDS) }),
    output: publishedSchema,
    access: ['admin'],
  }),
  /** County centre: every roster entry of the county's committees, active or not, with its id. */
  'hub.publishRoster': method({
    input: emptySchema,
    output: publishedSchema,
    access: ['supervisor'],
  }),
};
