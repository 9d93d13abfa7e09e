import type { MethodParsedInput } from '@shared/api';
import { NOTICE_METHOD_LABELS } from '@shared/api/methods/mediation-views';
import { appendAudit } from '../../audit/service';
import { DomainError } from '../../core/errors';
import type { CallContext } from '../../core/runtime';
import { loadDispute } from '../dispute/access';
import { changeDispute } from '../dispute/change';
import { ensureNotFuture, today } from '../dispute/dates';
import { findParty, partiesOf } from './parties-repository';
import { partyNamesOf, partyValues } from './party-input';
import { reindexDispute } from '../list/search-index';
import { EDITABLE_STATES, ensureState } from '../dispute/transition';
import { insertSynced, updateSynced } from '../../core/synced-writes';

/** Adds a party or corrects one; the denormalised names and the search index follow in the same transaction. */
export async function saveParty(ctx: CallContext, input: MethodParsedInput<'mediation.saveParty'>) {
  const { row } = await loadDispute(ctx, input.disputeId, 'write');
  ensureState(row.state, EDITABLE_STATES, '修改当事人');
  const parties = await partiesOf(ctx.rt.db, row.id);
  const stored = input.partyId ? parties.find((party) => party.id === input.partyId) : undefined;
  if (input.partyId && !stored) throw new DomainError('NOT_FOUND', '找不到该当事人');
  const values = await partyValues(ctx.rt.db, input.party, today(ctx), 'party', stored);
  const names = partyNamesOf(
    stored
      ? parties.map((party) => (party.id === stored.id ? values : party))
      : [...parties, values],
  );
  return changeDispute(ctx, row, {
    set: names === row.party_names ? {} : { party_names: names },
    also: async (trx, stamp) => {
      if (stored) {
        await updateSynced(trx, stamp, 'dispute_parties', stored, values);
      } else {
        await insertSynced(trx, stamp, 'dispute_parties', row.org_unit_id, {
          ...values,
          dispute_id: row.id,
          position: parties.length === 0 ? 0 : Math.max(...parties.map((p) => p.position)) + 1,
          notice_acknowledged_on: null,
          notice_method: null,
        });
      }
      if (names !== row.party_names) await reindexDispute(trx, row.id);
    },
    event: { action: 'party', note: `${stored ? '修改' : '增加'}当事人${values.name}` },
    auditAction: 'mediation.saveParty',
  });
}

export async function acknowledgeNotice(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.acknowledgeNotice'>,
) {
  const party = await findParty(ctx.rt.db, input.partyId);
  if (!party) throw new DomainError('NOT_FOUND', '找不到该当事人');
  const { row } = await loadDispute(ctx, party.dispute_id, 'write');
  ensureNotFuture(ctx, input.acknowledgedOn, 'acknowledgedOn', '告知日期');
  return changeDispute(ctx, row, {
    also: (trx, stamp) =>
      updateSynced(trx, stamp, 'dispute_parties', party, {
        notice_acknowledged_on: input.acknowledgedOn,
        notice_method: input.method,
      }),
    event: {
      action: 'notice',
      note: `${party.name}已知悉当事人权利义务（${NOTICE_METHOD_LABELS[input.method]}，${input.acknowledgedOn}）`,
    },
    auditAction: 'mediation.acknowledgeNotice',
  });
}

const REVEAL_LABELS = {
  phone: '联系电话',
  idNumber: '证件号码',
  agentPhone: '代理人电话',
} as const;

/** The whole value for a task that needs it (a call to a party); audited, never the value itself. */
export async function revealParty(
  ctx: CallContext,
  input: MethodParsedInput<'mediation.revealParty'>,
) {
  const party = await findParty(ctx.rt.db, input.partyId);
  if (!party) throw new DomainError('NOT_FOUND', '找不到该当事人');
  const { row } = await loadDispute(ctx, party.dispute_id, 'write');
  const value =
    input.field === 'phone'
      ? party.phone
      : input.field === 'idNumber'
        ? party.id_number
        : party.agent_phone;
  await ctx.rt.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.rt.stamper.nowIso(), ctx.actor, ctx.rt.terminal?.terminalId ?? null, {
      action: 'mediation.revealParty',
      objectType: 'dispute_party',
      objectId: party.id,
      detail: `${row.case_no} ${party.name}：${REVEAL_LABELS[input.field]}${input.reason ? `（${input.reason}）` : ''}`,
    }),
  );
  return { value };
}
