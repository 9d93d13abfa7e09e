import { z } from 'zod';
import { CASE_DOCUMENTS } from '../../domain/cases/papers';
import { method } from '../define';
import { idSchema } from './common';

export const printMethods = {
  /** Counts a print of a case document (reprints are counted and audited). */
  'print.record': method({
    input: z.object({
      caseId: idSchema,
      document: z.enum(CASE_DOCUMENTS),
    }),
    output: z.object({ count: z.number().int() }),
    access: ['admin', 'supervisor', 'clerk', 'agent'],
  }),
};
