import { z } from 'zod';
import { demoOrgNodeSchema } from '@shared/api';
import demoTree from '../../../resources/demo-org-tree.json';

const demoTreeSchema = z.object({ countyName: z.string(), nodes: z.array(demoOrgNodeSchema) });

/** Parsed on use: shipped data is still input, and a broken file must fail loudly, not half-load. */
export function loadDemoOrgTree() {
  return demoTreeSchema.parse(demoTree);
}
