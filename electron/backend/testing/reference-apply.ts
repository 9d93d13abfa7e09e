import type {
  ReferenceEdition,
  ReferenceKind,
  ReferencePayload,
} from '@shared/sync/reference-contract';
import { ANONYMOUS } from '../core/context';
import { requireTerminal } from '../core/guards';
import type { Runtime } from '../core/runtime';
import { REFERENCE_APPLIERS } from '../app/reference-appliers';
import type { ApplyContext, ReferenceApplier } from '../hub/applier-context';
import { pullReference } from '../hub/reference-client';
import { recordAppliedEdition } from '../hub/editions';
import { readEnrolment, writeEnrolment } from '../hub/repository';
import { findOrgUnit } from '../org/repository';
import type { Harness } from './harness';

/**
 * One edition applied as the sync cycle applies it: in one transaction with the record of the edition,
 * as the terminal with no signed-in user, its deferred effects run after the commit (and never after
 * a refusal). The applier defaults to the kind's registered one. Answers the applier's summary.
 */
export async function applyEdition<K extends ReferenceKind>(
  rt: Runtime,
  applier: ReferenceApplier<K>,
  kind: K,
  edition: number,
  payload: ReferencePayload<K>,
): Promise<string> {
  const terminal = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, terminal.orgUnitId);
  if (!own) throw new Error('the terminal has no org unit');
  const effects: (() => void)[] = [];
  const nowIso = rt.stamper.nowIso();
  const countyCode = own.code.slice(0, 6);
  const context: ApplyContext = {
    stamp: { stamper: rt.stamper, terminal, actor: ANONYMOUS },
    countyCode,
    ownUnitCode: own.code,
    nowIso,
    afterCommit: (effect) => effects.push(effect),
    caches: rt,
  };
  const summary = await rt.db.transaction().execute(async (trx) => {
    const done = await applier(
      trx,
      { kind, countyCode, edition, publishedAt: nowIso, payload },
      context,
    );
    await recordAppliedEdition(trx, {
      kind,
      edition,
      publishedAt: nowIso,
      appliedAt: nowIso,
      summary: done,
    });
    return done;
  });
  for (const effect of effects) effect();
  return summary;
}

/** A pulled edition through the kind's registered applier, as the sync cycle does. */
export function applyAsSyncCycle<K extends ReferenceKind>(
  h: Harness,
  edition: ReferenceEdition<K>,
): Promise<string> {
  const applier = REFERENCE_APPLIERS[edition.kind] as ReferenceApplier<K>;
  return applyEdition(h.backend.runtime, applier, edition.kind, edition.edition, edition.payload);
}

/** What the sync cycle does for one kind: pull the county's latest edition and apply it. */
export async function pullAndApply(h: Harness, kind: ReferenceKind): Promise<string> {
  const rt = h.backend.runtime;
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment) throw new Error('the terminal has not joined the hub');
  const client = { baseUrl: enrolment.hubUrl, token: rt.hubTokens.read(), appVersion: 'test' };
  const edition = await pullReference(client, kind);
  if (!edition) throw new Error(`the county has published no ${kind}`);
  return applyAsSyncCycle(h, edition);
}

/**
 * Records a join of the terminal's own unit to a hub that is not running: for the rules that depend
 * on whether a terminal has joined, without a hub's start-up in the test.
 */
export async function recordJoinWithoutHub(h: Harness): Promise<void> {
  const rt = h.backend.runtime;
  const terminal = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, terminal.orgUnitId);
  if (!own) throw new Error('no org unit');
  await writeEnrolment(rt.db, {
    hubUrl: 'http://127.0.0.1:9',
    hubName: '县级平台',
    terminalId: terminal.terminalId,
    terminalNumber: '01',
    orgUnit: { code: own.code, name: own.name, level: own.level },
    countyCode: own.code.slice(0, 6),
    joinedAt: rt.stamper.nowIso(),
    lastContactAt: null,
    revokedAt: null,
  });
}
