import type { MethodOutput, PublishedReference } from '@shared/api';
import type { PAGE_PUBLISHED_KINDS } from '@shared/api/methods/hub-reference';
import {
  REFERENCE_KINDS,
  REFERENCE_KIND_LABELS,
  type PublishReferenceRequest,
  type ReferenceEdition,
  type ReferenceKind,
  type ReferencePayload,
  type RosterEntry,
} from '@shared/sync/reference-contract';
import { appendAudit } from '../audit/service';
import { applyCalendarEdition, loadCalendar } from '../calendar/service';
import { DomainError } from '../core/errors';
import { requireTerminal, stampOf } from '../core/guards';
import { readHeldReference } from '../core/reference-data';
import type { CallContext } from '../core/runtime';
import {
  applyDisputeTypesEdition,
  applyMediationReferenceEdition,
  applyRosterEdition,
  mediationLists,
  mediatorsOf,
} from '../mediation/service';
import { findOrgUnit, listOrgUnits, orgScope } from '../org/repository';
import { HubRefusal } from './client';
import { countyLink, relay } from './county-admin';
import { heldEdition, readAppliedEditions, recordAppliedEdition } from './editions';
import type { ApplyContext, ReferenceApplier } from './applier-context';
import { publishReference } from './reference-client';

type PageKind = (typeof PAGE_PUBLISHED_KINDS)[number];

const STALE_MESSAGE =
  '县级平台上已有比本终端更新的版本（可能由县级中心的另一台终端发布）。请先同步本终端，核对后再发布';

/** Publishing is the county centre's: the townships and villages apply what it publishes. */
async function ensureCountyTerminal(ctx: CallContext): Promise<string> {
  const unitId = requireTerminal(ctx.rt).orgUnitId;
  const own = await findOrgUnit(ctx.rt.db, unitId);
  if (own?.level !== 'county')
    throw new DomainError('HUB_COUNTY_ONLY', '只有县级中心的终端可以发布县级参考数据');
  return unitId;
}

/** The county's committees' entries, active or not, each with the id every terminal will share. */
async function rosterPayload(ctx: CallContext, countyUnitId: string) {
  const unitIds = await orgScope(ctx.rt.db, countyUnitId);
  const codes = new Map((await listOrgUnits(ctx.rt.db, unitIds)).map((u) => [u.id, u.code]));
  const rows = await mediatorsOf(ctx.rt.db, unitIds, true);
  const entries: RosterEntry[] = rows.map((row) => ({
    id: row.id,
    orgUnitCode: codes.get(row.org_unit_id)!,
    committeeKind: row.committee_kind,
    name: row.name,
    gender: row.gender,
    phone: row.phone,
    background: row.background,
    specialties: JSON.parse(row.specialties) as string[],
    active: row.active === 1,
    note: row.note,
  }));
  return { entries };
}

/**
 * Sends one edition and applies the hub's answer here at once, as every other terminal will on its
 * next cycle: the county centre then holds what it published (roster ids, source 'hub') and its
 * next publish builds on this edition.
 */
async function publish<K extends ReferenceKind>(
  ctx: CallContext,
  kind: K,
  payload: ReferencePayload<K>,
  applier: ReferenceApplier<K>,
): Promise<PublishedReference> {
  const link = await countyLink(ctx);
  const baseEdition = await heldEdition(ctx.rt.db, kind);
  const edition = (await relay(ctx, async () => {
    try {
      return await publishReference(link.client, kind, {
        baseEdition,
        payload,
      } as PublishReferenceRequest<K>);
    } catch (error) {
      if (error instanceof HubRefusal && error.code === 'REFERENCE_EDITION_STALE')
        throw new DomainError('REFERENCE_EDITION_STALE', STALE_MESSAGE);
      throw error;
    }
  })) as ReferenceEdition<K>;
  const stamp = stampOf(ctx);
  const effects: (() => void)[] = [];
  const context: ApplyContext = {
    stamp,
    countyCode: link.enrolment.countyCode,
    ownUnitCode: link.enrolment.orgUnit.code,
    nowIso: stamp.stamper.nowIso(),
    afterCommit: (effect) => effects.push(effect),
    caches: ctx.rt,
  };
  const summary = await ctx.rt.db.transaction().execute(async (trx) => {
    const applied = await applier(trx, edition, context);
    // Held as if pulled: the next cycle sees this edition as applied and does not apply it again.
    await recordAppliedEdition(trx, {
      kind,
      edition: edition.edition,
      publishedAt: edition.publishedAt,
      appliedAt: context.nowIso,
      summary: applied,
    });
    await appendAudit(trx, context.nowIso, ctx.actor, stamp.terminal.terminalId, {
      action: kind === 'roster' ? 'hub.publishRoster' : 'hub.publishReference',
      objectType: 'reference',
      objectId: kind,
      detail: `发布${REFERENCE_KIND_LABELS[kind]}第 ${edition.edition} 版：${applied}`,
    });
    return applied;
  });
  for (const effect of effects) effect();
  return { kind, edition: edition.edition, summary };
}

export async function publishPageReference(
  ctx: CallContext,
  kind: PageKind,
): Promise<PublishedReference> {
  await ensureCountyTerminal(ctx);
  if (kind === 'calendar') {
    const calendar = await loadCalendar(ctx.rt.db);
    return publish(ctx, kind, calendar, applyCalendarEdition);
  }
  const lists = await mediationLists(ctx.rt);
  if (kind === 'disputeTypes')
    return publish(ctx, kind, lists.disputeTypes, applyDisputeTypesEdition);
  return publish(ctx, kind, lists.reference, applyMediationReferenceEdition);
}

export async function publishRoster(ctx: CallContext): Promise<PublishedReference> {
  const countyUnitId = await ensureCountyTerminal(ctx);
  return publish(ctx, 'roster', await rosterPayload(ctx, countyUnitId), applyRosterEdition);
}

export async function heldReference(ctx: CallContext): Promise<MethodOutput<'hub.heldReference'>> {
  const applied = await readAppliedEditions(ctx.rt.db);
  return Promise.all(
    REFERENCE_KINDS.map(async (kind) => {
      const held = await readHeldReference(ctx.rt.db, kind);
      return {
        kind,
        edition: applied.get(kind)?.edition ?? null,
        editionLabel: held?.editionLabel ?? null,
      };
    }),
  );
}
