import type { z } from 'zod';

/**
 * The keys of every object a zod schema can produce, however deeply nested: the masked-outputs test
 * reads the contract with it, so that a method whose answer carries personal data is never skipped.
 */
export function outputKeys(schema: z.ZodType): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        keys.add(key);
        walk(child);
      }
    }
    if (def.type === 'lazy') walk((def.getter as () => unknown)());
    for (const field of ['element', 'innerType', 'in', 'out', 'left', 'right', 'valueType']) {
      walk(def[field]);
    }
    for (const option of (def.options as unknown[] | undefined) ?? []) walk(option);
  };
  walk(schema);
  return keys;
}
