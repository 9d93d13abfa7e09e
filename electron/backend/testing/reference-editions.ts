import type { ReferenceKind, ReferencePayload } from '@shared/sync/reference-contract';
import { ANONYMOUS } from '../core/context';
import type { Runtime } from '../core/runtime';
import type { ReferenceApplier } from '../hub/reference-appliers';

/**
 * One pulled edition applied as the sync cycle applies it: in one transaction, as the terminal with
 * no signed-in user, its deferred effects run after the commit (and never after a refusal).
 */
export async function applyEdition<K extends ReferenceKind>(
  rt: Runtime,
  applier: ReferenceApplier<K>,
  kind: K,
  edition: number,
  payload: ReferencePayload<K>,
): Promise<string> {
  const effects: (() => void)[] = [];
  const nowIso = rt.stamper.nowIso();
  const summary = await rt.db.transaction().execute((trx) =>
    applier(
      trx,
      { kind, countyCode: '330324', edition, publishedAt: nowIso, payload },
      {
        stamp: { stamper: rt.stamper, terminal: rt.terminal!, actor: ANONYMOUS },
        countyCode: '330324',
        ownUnitCode: '330324001',
        nowIso,
        afterCommit: (effect) => effects.push(effect),
        caches: rt,
      },
    ),
  );
  for (const effect of effects) effect();
  return summary;
}
