import { z } from 'zod';
import { method } from '../define';
import { emptySchema, orgUnitSchema } from './common';

export const orgUnitsMethods = {
  'orgUnits.list': method({
    input: emptySchema,
    output: z.array(orgUnitSchema),
    access: 'session',
  }),
};
