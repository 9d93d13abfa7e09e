import { contract, type MethodName } from '@shared/api';
import type { Handler, HandlerMap } from './handler';

export type Registry = ReadonlyMap<MethodName, Handler<MethodName>>;

/** Merges the domains' handler maps; a name twice or a contract method without a handler fails at start. */
export function buildRegistry(maps: readonly HandlerMap[]): Registry {
  const registry = new Map<MethodName, Handler<MethodName>>();
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map) as [MethodName, Handler<MethodName>][]) {
      if (registry.has(name)) throw new Error(`handler registered twice: ${name}`);
      registry.set(name, handler);
    }
  }
  const missing = (Object.keys(contract) as MethodName[]).filter((name) => !registry.has(name));
  if (missing.length > 0)
    throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return registry;
}
