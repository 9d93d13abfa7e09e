import type { ReferenceEdition, ReferenceKind } from '@shared/sync/reference-contract';
import { requireTerminal } from '../core/guards';
import { REFERENCE_APPLIERS, type ApplyContext } from '../hub/reference-appliers';
import { pullReference } from '../hub/reference-client';
import { recordAppliedEdition } from '../hub/editions';
import { readEnrolment, writeEnrolment } from '../hub/repository';
import { findOrgUnit } from '../org/repository';
import type { Harness } from './harness';

/**
 * Applies an edition through the kind's registered applier, in one transaction, as the sync cycle
 * does, recording it as applied: the terminal acts, with no signed-in user. Answers the applier's summary.
 */
export async function applyAsSyncCycle<K extends ReferenceKind>(
  h: Harness,
  edition: ReferenceEdition<K>,
): Promise<string> {
  const rt = h.backend.runtime;
  const terminal = requireTerminal(rt);
  const own = await findOrgUnit(rt.db, terminal.orgUnitId);
  const applier = REFERENCE_APPLIERS[edition.kind];
  if (!own || !applier) throw new Error(`no unit or no applier for ${edition.kind}`);
  const effects: (() => void)[] = [];
  const context: ApplyContext = {
    stamp: {
      stamper: rt.stamper,
      terminal,
      actor: { userId: null, username: null, role: null, orgUnitId: null },
    },
    countyCode: own.code.slice(0, 6),
    ownUnitCode: own.code,
    nowIso: rt.stamper.nowIso(),
    afterCommit: (effect) => effects.push(effect),
  };
  const summary = await rt.db.transaction().execute(async (trx) => {
    const done = await applier(trx, edition, context);
    await recordAppliedEdition(trx, {
      kind: edition.kind,
      edition: edition.edition,
      publishedAt: edition.publishedAt,
      appliedAt: context.nowIso,
      summary: done,
    });
    return done;
  });
  for (const effect of effects) effect();
  return summary;
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
