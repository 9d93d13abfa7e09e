import { EDITION_KINDS, type EditionKind, type HubSyncResult } from '@shared/api';
import { HUB_ERROR_MESSAGES, type OrgTreeEdition } from '@shared/sync/hub-contract';
import {
  REFERENCE_KIND_LABELS,
  type ReferenceEdition,
  type ReferenceKind,
  type ReferenceManifest,
} from '@shared/sync/reference-contract';
import { appendAudit } from '../audit/service';
import { ANONYMOUS } from '../core/context';
import { DomainError } from '../core/errors';
import type { Runtime } from '../core/runtime';
import { applyOrgTreeEdition } from '../org/hub-edition';
import { HubRefusal, HubUnreachable, latestOrgTree, type HubClientOptions } from './client';
import { readAppliedEditions, recordAppliedEdition } from './editions';
import { TOKEN_MISSING_MESSAGE, UNREACHABLE_MESSAGE } from './errors';
import type { ApplyContext, ReferenceApplier, ReferenceAppliers } from './applier-context';
import { pullReference, referenceManifest } from './reference-client';
import {
  readEnrolment,
  recordContact,
  recordLastSync,
  recordRevoked,
  type Enrolment,
} from './repository';

export interface CycleOutcome {
  result: HubSyncResult;
  /** The terminal is revoked or has no token: no further cycle until it is reconnected. */
  stop: boolean;
}

type Pulled = OrgTreeEdition | ReferenceEdition<ReferenceKind>;

/** The hub stopped answering or refused this terminal mid-cycle: the cycle ends there. */
class CycleStopped extends Error {
  constructor(
    message: string,
    readonly stop: boolean,
  ) {
    super(message);
  }
}

/** The hub's refusal or silence as the cycle's problem; a revocation is recorded at once. */
async function stopped(rt: Runtime, error: unknown): Promise<CycleStopped> {
  if (error instanceof HubUnreachable) return new CycleStopped(UNREACHABLE_MESSAGE, false);
  if (error instanceof HubRefusal && error.code === 'TERMINAL_REVOKED') {
    await recordRevoked(rt.db, rt.stamper.nowIso());
    return new CycleStopped(HUB_ERROR_MESSAGES.TERMINAL_REVOKED, true);
  }
  if (error instanceof HubRefusal && error.code === 'UNAUTHENTICATED')
    return new CycleStopped(error.message, true);
  if (error instanceof HubRefusal) return new CycleStopped(error.message, false);
  throw error;
}

/** A refusal of one kind's pull, which the other kinds need not share. */
function isRefusalOfKind(error: unknown): error is HubRefusal {
  return (
    error instanceof HubRefusal &&
    !['TERMINAL_REVOKED', 'UNAUTHENTICATED', 'PROTOCOL_TOO_OLD', 'RATE_LIMITED'].includes(
      error.code,
    )
  );
}

function pull(client: HubClientOptions, kind: EditionKind): Promise<Pulled | null> {
  return kind === 'orgTree' ? latestOrgTree(client) : pullReference(client, kind);
}

interface Applied {
  summary: string;
  warning: string | null;
}

type Apply = (
  trx: Parameters<ReferenceApplier<ReferenceKind>>[0],
  edition: Pulled,
  context: ApplyContext,
) => Promise<Applied>;

/** The org tree's applier is the terminal's own; the other kinds' register in REFERENCE_APPLIERS. */
function applierOf(kind: EditionKind, appliers: ReferenceAppliers): Apply {
  if (kind === 'orgTree')
    return (trx, edition, context) => applyOrgTreeEdition(trx, edition as OrgTreeEdition, context);
  const applier = appliers[kind] as ReferenceApplier<ReferenceKind>;
  return async (trx, edition, context) => ({
    summary: await applier(trx, edition as ReferenceEdition<ReferenceKind>, context),
    warning: null,
  });
}

/**
 * One edition, all or nothing: the applier's writes, the edition's record and its audit entry commit
 * together, and the applier's deferred effects run only once they have.
 */
async function applyEdition(
  rt: Runtime,
  enrolment: Enrolment,
  kind: EditionKind,
  edition: Pulled,
  apply: Apply,
  log: (error: unknown) => void,
): Promise<Applied> {
  const terminal = rt.terminal!;
  const effects: (() => void)[] = [];
  const appliedAt = rt.stamper.nowIso();
  const context: ApplyContext = {
    stamp: { stamper: rt.stamper, terminal, actor: ANONYMOUS },
    countyCode: enrolment.countyCode,
    ownUnitCode: enrolment.orgUnit.code,
    nowIso: appliedAt,
    afterCommit: (effect) => effects.push(effect),
    caches: rt,
  };
  const applied = await rt.db.transaction().execute(async (trx) => {
    const done = await apply(trx, edition, context);
    await recordAppliedEdition(trx, {
      kind,
      edition: edition.edition,
      publishedAt: edition.publishedAt,
      appliedAt,
      summary: done.summary,
    });
    await appendAudit(trx, appliedAt, ANONYMOUS, terminal.terminalId, {
      action: 'hub.sync',
      objectType: 'referenceEdition',
      objectId: kind,
      detail: `应用县级平台${REFERENCE_KIND_LABELS[kind]}第 ${edition.edition} 版（${edition.publishedAt} 发布）：${done.summary}`,
    });
    return done;
  });
  for (const effect of effects) {
    try {
      effect();
    } catch (error) {
      log(error);
    }
  }
  return applied;
}

function failureMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  return `应用时出错（${error instanceof Error ? error.message : String(error)}），本类数据未作改动，下次同步时重试`;
}

function problemOf(result: HubSyncResult, warnings: string[]): string | null {
  const failed = result.failed.map(
    (kind) => `${kind.label}第 ${kind.edition} 版未能应用：${kind.message}`,
  );
  const all = [...failed, ...warnings];
  return all.length > 0 ? all.join('；') : null;
}

/**
 * One sync cycle: the manifest, then every kind the county has newer than this terminal, the org
 * tree first (the other kinds name its units). A kind that fails rolls back alone and is tried again
 * next cycle; the hub going away or refusing the terminal ends the cycle. Its end is recorded as the
 * last sync with its problem; a cycle with nothing new writes nothing else.
 */
export async function runSyncCycle(
  rt: Runtime,
  log: (error: unknown) => void,
  appliers: ReferenceAppliers,
): Promise<CycleOutcome> {
  const at = rt.stamper.nowIso();
  const result: HubSyncResult = { at, applied: [], failed: [], problem: null };
  const enrolment = await readEnrolment(rt.db);
  if (!enrolment || !rt.terminal)
    return { result: { ...result, problem: '本终端尚未加入县级平台' }, stop: true };
  if (enrolment.revokedAt)
    return { result: { ...result, problem: HUB_ERROR_MESSAGES.TERMINAL_REVOKED }, stop: true };
  const token = rt.hubTokens.read();
  if (!token) return { result: { ...result, problem: TOKEN_MISSING_MESSAGE }, stop: true };
  const client: HubClientOptions = { baseUrl: enrolment.hubUrl, token, appVersion: rt.appVersion };
  const warnings: string[] = [];
  let stop = false;
  try {
    let manifest: ReferenceManifest;
    try {
      manifest = await referenceManifest(client);
    } catch (error) {
      throw await stopped(rt, error);
    }
    await recordContact(rt.db, rt.stamper.nowIso());
    const have = await readAppliedEditions(rt.db);
    for (const kind of EDITION_KINDS) {
      const latest = manifest.editions[kind];
      const current = have.get(kind)?.edition ?? 0;
      if (latest === null || latest <= current) continue;
      const label = REFERENCE_KIND_LABELS[kind];
      const apply = applierOf(kind, appliers);
      let edition: Pulled | null;
      try {
        edition = await pull(client, kind);
      } catch (error) {
        if (!isRefusalOfKind(error)) throw await stopped(rt, error);
        result.failed.push({ kind, label, edition: latest, message: error.message });
        continue;
      }
      if (!edition || edition.edition <= current) continue;
      try {
        const applied = await applyEdition(rt, enrolment, kind, edition, apply, log);
        result.applied.push({ kind, label, edition: edition.edition, summary: applied.summary });
        if (applied.warning) warnings.push(applied.warning);
      } catch (error) {
        log(error);
        result.failed.push({
          kind,
          label,
          edition: edition.edition,
          message: failureMessage(error),
        });
      }
    }
    result.problem = problemOf(result, warnings);
  } catch (error) {
    if (!(error instanceof CycleStopped)) throw error;
    result.problem = error.message;
    stop = error.stop;
  }
  await recordLastSync(rt.db, { at: rt.stamper.nowIso(), problem: result.problem });
  return { result, stop };
}
