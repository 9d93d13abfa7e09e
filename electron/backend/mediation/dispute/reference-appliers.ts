import {
  checkCountyDisputeSources,
  checkCountyDisputeTypes,
} from '@shared/domain/catalogue/county-edition';
import type { ReferenceProblem } from '@shared/domain/catalogue/reference-data';
import type { ReferenceKind } from '@shared/sync/reference-contract';
import { DomainError } from '../../core/errors';
import { readHeldReference, recordHeldReference } from '../../core/reference-data';
import type { ApplyContext, ReferenceApplier } from '../../hub/applier-context';
import type { Db } from '../../db/queryable';

/** Refuses the whole edition when it breaks the closed lists the records and reports rely on. */
function refuseIf(problems: readonly ReferenceProblem[], what: string, edition: number): void {
  if (problems.length === 0) return;
  throw new DomainError(
    'REFERENCE_EDITION_REFUSED',
    `未采用县级平台第 ${edition} 版${what}：${problems.map((p) => p.message).join('；')}`,
  );
}

/** Stores the payload the runtime reads instead of the shipped file; the same edition again is a no-op. */
async function keep(
  trx: Db,
  kind: ReferenceKind,
  edition: { edition: number; payload: { edition: string } },
  context: ApplyContext,
): Promise<boolean> {
  const held = await readHeldReference(trx, kind);
  const payload = JSON.stringify(edition.payload);
  if (held?.edition === edition.edition && held.payload === payload) return false;
  await recordHeldReference(trx, kind, {
    edition: edition.edition,
    editionLabel: edition.payload.edition,
    payload,
    appliedAt: context.nowIso,
  });
  context.afterCommit(() => context.caches.mediationLists.invalidate());
  return true;
}

export const applyDisputeTypesEdition: ReferenceApplier<'disputeTypes'> = async (
  trx,
  edition,
  context,
) => {
  refuseIf(checkCountyDisputeTypes(edition.payload.types), '纠纷类型', edition.edition);
  const changed = await keep(trx, 'disputeTypes', edition, context);
  return `纠纷类型 ${edition.payload.types.length} 类（${edition.payload.edition}${changed ? '' : '，无变化'}）`;
};

export const applyMediationReferenceEdition: ReferenceApplier<'mediationReference'> = async (
  trx,
  edition,
  context,
) => {
  refuseIf(
    checkCountyDisputeSources(edition.payload.disputeSources),
    '调解参考数据',
    edition.edition,
  );
  const changed = await keep(trx, 'mediationReference', edition, context);
  return `调解参考数据（${edition.payload.edition}${changed ? '' : '，无变化'}）`;
};
