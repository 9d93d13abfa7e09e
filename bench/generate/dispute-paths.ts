import { addDays, shanghaiDate } from '@shared/domain/calendar/plain-date';
import { followUpDueDate, targetDueDate } from '@shared/domain/mediation/clocks';
import { FAILURE_REASONS, STATEMENTS, TERMINATION_REASONS } from './dispute-text';
import type { Committee, DisputeStory } from './dispute-story';
import { officeInstant } from './office-time';
import type { Random } from './random';

/**
 * The life of a dispute, with the odds of a township's register: nearly all accepted, most settled
 * within the month after one or two sessions, followed up and closed; some fail, and a village
 * committee passes half of its failures up to the township, which takes them on.
 */

interface Context {
  random: Random;
  story: DisputeStory;
  /** The township's committee, where a village escalates to. */
  township: Committee;
}

function dayAfter(random: Random, ms: number, low: number, high: number): number {
  return officeInstant(random, addDays(shanghaiDate(ms), random.int(low, high)));
}

function assignTeam(context: Context, committee: Committee, ms: number): boolean {
  const { random, story } = context;
  const lead = random.pick(committee.roster);
  const member = random.chance(0.5) ? random.pick(committee.roster) : null;
  const team = member && member.id !== lead.id ? [lead, member] : [lead];
  return story.change(
    ms,
    committee.recorder,
    'assign',
    {},
    { note: `主持调解员：${lead.name}${team[1] ? `；参与调解员：${team[1].name}` : ''}` },
    () => {
      team.forEach((mediator, index) =>
        story.add(story.team, committee.recorder, ms, {
          dispute_id: story.row.id,
          mediator_id: mediator.id,
          role: index === 0 ? 'lead' : 'member',
        }),
      );
    },
  );
}

function holdSession(context: Context, committee: Committee, ms: number, agreed: boolean): boolean {
  const { random, story } = context;
  const moving = story.row.state === 'accepted';
  const number = story.sessions.filter((s) => s.dispute_id === story.row.id).length + 1;
  const heldOn = shanghaiDate(ms);
  const team = story.team.filter((member) => member.deleted_at === null);
  const names = team.map(
    (member) => committee.roster.find((m) => m.id === member.mediator_id)?.name ?? '',
  );
  return story.change(
    ms,
    committee.recorder,
    'session',
    moving ? { state: 'mediating' } : {},
    {
      to: moving ? 'mediating' : undefined,
      note: `第${number}次调解（${heldOn}），${agreed ? '达成一致' : '未达成一致'}`,
    },
    () => {
      story.add(story.sessions, committee.recorder, ms, {
        dispute_id: story.row.id,
        number,
        held_on: heldOn,
        place: committee.place,
        mediators: JSON.stringify(
          team.map((member, i) => ({ mediatorId: member.mediator_id, name: names[i] })),
        ),
        recorder_name: committee.recorder.displayName,
        attendees: JSON.stringify(
          story.parties.map(
            (party) =>
              `${party.name}（${party.role === 'applicant' ? '申请人' : party.role === 'respondent' ? '被申请人' : '第三人'}）`,
          ),
        ),
        statements: JSON.stringify(
          story.parties.map((party) => ({ partyId: party.id, text: random.pick(STATEMENTS) })),
        ),
        agreed: agreed ? 1 : 0,
        result: agreed ? '双方达成调解协议' : '双方分歧较大，约定再次调解',
      });
    },
  );
}

function succeed(context: Context, committee: Committee, ms: number): void {
  const { random, story } = context;
  const agreedOn = shanghaiDate(ms);
  const written = random.chance(0.8);
  const respondent = story.parties[1];
  const amount = story.row.amount_fen;
  const deadline = addDays(agreedOn, random.int(0, 30));
  const obligations = [
    {
      obligorPartyId: respondent?.id ?? null,
      content: amount ? '支付赔偿款' : '按协议履行约定事项',
      amountFen: amount ? Math.round((amount * random.int(40, 100)) / 100) : null,
      method: amount ? '银行转账' : null,
      place: null,
      deadline,
    },
  ];
  const dueOn = followUpDueDate(agreedOn, [deadline]);
  const moved = story.change(
    ms,
    committee.recorder,
    'record_success',
    { state: 'succeeded', outcome: 'succeeded', concluded_on: agreedOn },
    {
      to: 'succeeded',
      note: `${written ? '达成书面调解协议' : '达成口头调解协议'}（${agreedOn}），回访定于${dueOn}前`,
    },
    () => {
      story.add(story.agreements, committee.recorder, ms, {
        dispute_id: story.row.id,
        form: written ? 'written' : 'oral',
        facts: story.row.summary,
        disputed_matters: '双方就责任承担及赔偿问题存在争议',
        responsibilities: JSON.stringify(
          Object.fromEntries(story.parties.map((p, i) => [p.id, i === 0 ? '无' : '承担主要责任'])),
        ),
        obligations: JSON.stringify(obligations),
        mediators: JSON.stringify(
          story.team
            .filter((m) => m.deleted_at === null)
            .map((m) => committee.roster.find((r) => r.id === m.mediator_id)?.name ?? ''),
        ),
        recorder_name: committee.recorder.displayName,
        agreed_on: agreedOn,
        effective_on: agreedOn,
        signed_on: agreedOn,
        jc_applied: null,
        jc_applied_on: null,
        jc_court: null,
        jc_result: null,
        jc_result_on: null,
        jc_note: null,
      });
      story.add(story.followUps, committee.recorder, ms, {
        dispute_id: story.row.id,
        due_on: dueOn,
        state: 'due',
        visited_on: null,
        method: null,
        visitor_name: null,
        performance: null,
        satisfaction: null,
        renewed_conflict: null,
        note: null,
      });
    },
  );
  if (!moved) return;
  const agreement = story.agreements[0]!;
  if (written && random.chance(0.15)) {
    const applied = dayAfter(random, ms, 3, 25);
    const ruled = dayAfter(random, applied, 7, 20);
    const appliedOn = shanghaiDate(applied);
    const court = '永嘉县人民法院';
    story.change(
      ruled,
      committee.recorder,
      'judicial',
      { judicial_confirmed_on: shanghaiDate(ruled) },
      { note: `向${court}申请司法确认（${appliedOn}），裁定确认有效` },
      () => {
        Object.assign(agreement, {
          jc_applied: 1,
          jc_applied_on: appliedOn,
          jc_court: court,
          jc_result: 'confirmed',
          jc_result_on: shanghaiDate(ruled),
        });
        story.touch(agreement, committee.recorder, ruled);
      },
    );
  }
  const visit = story.followUps[0]!;
  const visited = Math.max(
    story.lastMs + 1,
    officeInstant(random, addDays(dueOn, -random.int(0, 5))),
  );
  const visitedOn = shanghaiDate(visited);
  if (
    !story.change(
      visited,
      committee.recorder,
      'follow_up',
      { state: 'followed_up', performed_on: visitedOn },
      { to: 'followed_up', note: `回访（${visitedOn}）：电话回访，已履行，满意` },
      () => {
        Object.assign(visit, {
          state: 'done',
          visited_on: visitedOn,
          method: random.pick(['phone', 'visit']),
          visitor_name: committee.recorder.displayName,
          performance: 'performed',
          satisfaction: random.chance(0.85) ? 'satisfied' : 'basically',
          renewed_conflict: 0,
        });
        story.touch(visit, committee.recorder, visited);
      },
    )
  )
    return;
  close(context, committee, dayAfter(random, visited, 0, 10));
}

function close(context: Context, committee: Committee, ms: number): void {
  context.story.change(
    ms,
    committee.recorder,
    'close',
    { state: 'closed', closed_on: shanghaiDate(ms) },
    { to: 'closed', note: null },
  );
}

/** Sessions until the outcome, at the committee that holds the case now. */
function mediate(context: Context, committee: Committee, fromMs: number): void {
  const { random, story } = context;
  const roll = random.float();
  const outcome = roll < 0.86 ? 'succeeded' : roll < 0.96 ? 'failed' : 'terminated';
  const sessions =
    outcome === 'failed' ? random.int(2, 3) : outcome === 'terminated' ? 1 : random.int(1, 2);
  let ms = dayAfter(random, fromMs, 1, 8);
  for (let i = 1; i <= sessions; i++) {
    if (!holdSession(context, committee, ms, outcome === 'succeeded' && i === sessions)) return;
    if (i < sessions) ms = dayAfter(random, ms, 3, 9);
  }
  const concluded = outcome === 'succeeded' ? ms + 60_000 : dayAfter(random, ms, 0, 3);
  const on = shanghaiDate(concluded);
  if (outcome === 'succeeded') return succeed(context, committee, concluded);
  if (outcome === 'terminated') {
    const reason = random.pick(TERMINATION_REASONS);
    if (
      story.change(
        concluded,
        committee.recorder,
        'terminate',
        {
          state: 'terminated',
          outcome: 'terminated',
          concluded_on: on,
          termination_reason: reason,
        },
        { to: 'terminated', note: reason },
      )
    ) {
      close(context, committee, dayAfter(random, concluded, 0, 5));
    }
    return;
  }
  const reason = random.pick(FAILURE_REASONS);
  const routes = random.chance(0.7) ? ['litigation'] : ['litigation', 'arbitration'];
  if (
    !story.change(
      concluded,
      committee.recorder,
      'record_failure',
      {
        state: 'failed',
        outcome: 'failed',
        concluded_on: on,
        failure_reason: reason,
        routes_told: JSON.stringify(routes),
      },
      {
        to: 'failed',
        note: `${reason}；已告知：${routes.includes('arbitration') ? '诉讼、仲裁' : '诉讼'}`,
      },
    )
  )
    return;
  if (committee.orgId !== context.township.orgId && random.chance(0.5)) {
    escalate(context, committee, dayAfter(random, concluded, 1, 5));
  } else {
    close(context, committee, dayAfter(random, concluded, 1, 5));
  }
}

/** 上交: the township owns it, the village keeps reading it, the village's mediators leave it. */
function escalate(context: Context, village: Committee, ms: number): void {
  const { random, story, township } = context;
  const escalated = story.change(
    ms,
    village.recorder,
    'escalate',
    {
      org_unit_id: township.orgId,
      state: 'escalated',
      outcome: null,
      concluded_on: null,
      failure_reason: null,
      routes_told: null,
      clock_start_on: null,
      due_date: null,
    },
    {
      to: 'escalated',
      toOrgId: township.orgId,
      note: `上交${township.name}：村调委会调解不成，需乡镇调委会调处`,
    },
    () => {
      story.add(
        story.readers,
        village.recorder,
        ms,
        { dispute_id: story.row.id, reader_org_id: village.orgId },
        village.orgId,
      );
      for (const member of story.team) {
        member.deleted_at = new Date(ms).toISOString();
        story.touch(member, village.recorder, ms);
      }
    },
  );
  if (!escalated) return;
  const accepted = dayAfter(random, ms, 1, 3);
  const on = shanghaiDate(accepted);
  if (
    !story.change(
      accepted,
      township.recorder,
      'accept',
      { state: 'accepted', clock_start_on: on, due_date: targetDueDate(on) },
      { to: 'accepted', note: '受理下级上交的案件' },
    )
  )
    return;
  if (!assignTeam(context, township, accepted + 60_000)) return;
  mediate(context, township, accepted);
}

/** From registration: accepted at once or after a day or two (a few refused), a team, then mediation. */
export function afterRegistration(context: Context, committee: Committee): void {
  const { random, story } = context;
  let ms = story.lastMs;
  if (story.row.state === 'registered') {
    ms = dayAfter(random, ms, 1, 2);
    if (random.chance(0.03)) {
      const reason = '纠纷已进入诉讼程序，不属人民调解受理范围';
      story.change(
        ms,
        committee.recorder,
        'reject',
        { state: 'rejected', reject_reason: reason, clock_start_on: null, due_date: null },
        { to: 'rejected', note: reason },
      );
      return;
    }
    const on = shanghaiDate(ms);
    const accepted = story.change(
      ms,
      committee.recorder,
      'accept',
      { state: 'accepted', accepted_on: on, clock_start_on: on, due_date: targetDueDate(on) },
      { to: 'accepted', note: null },
    );
    if (!accepted) return;
  }
  if (!assignTeam(context, committee, ms + 60_000)) return;
  mediate(context, committee, ms);
}
