import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { withNote } from '../../electron/backend/cases/service';
import {
  accept,
  iso,
  newStory,
  resume,
  type CaseStart,
  type CaseStory,
  type CaseWorld,
  type AgencyPoint,
  type Staff,
  type Window,
} from './case-story';
import { later } from './office-time';
import type { Random } from './random';
import type { Stamps } from './stamps';

/**
 * The paths a case takes, with the odds seen at a township centre over the years: most are taken
 * in complete and done on time; about one in eight waits for 补正 first; a few are refused, returned,
 * withdrawn or late. The notes are those the workflow writes.
 */

const REDIRECTS = [
  ['户籍不在本乡镇，不属本中心受理范围', '户籍所在地乡镇（街道）便民服务中心'],
  ['该事项由县级部门直接受理', '永嘉县行政服务中心'],
  ['申请人不符合申请条件', '县民政局社会救助科咨询'],
] as const;
const RESULT_NOTES = ['已办结，结果已送达', '审批通过', '证件已制作完成', '补贴已核定发放'];
const RETURN_REASONS = ['经核查不符合申请条件', '申请人家庭收入超过标准', '材料内容与实际不符'];

interface Context {
  world: CaseWorld;
  random: Random;
  story: CaseStory;
  start: CaseStart;
}

function anyWindow(context: Context): Window {
  return context.random.pick(context.world.windows);
}

/** Handed back to the resident at the window, or by the agent who filed it. */
function handOut(context: Context, by: Staff): void {
  const { random, world, story } = context;
  if (!random.chance(0.95)) return;
  const ms = later(random, world.days, story.lastMs, random.int(0, 8));
  const agent = 'point' in context.start.via && by === context.start.via.point.agent;
  story.step(
    ms,
    by,
    'hand_out',
    null,
    { handed_out_at: iso(ms) },
    agent ? '代办员已将结果交还申请人' : '已在窗口将结果交给申请人',
  );
}

/** From 已受理 to a result: started, perhaps sent back for 补正 once, then completed or returned. */
function handle(context: Context, clerk: Staff, resultBy: Staff): void {
  const { random, world, story, start } = context;
  const calendar = world.days;
  if (start.item.type === 'instant') {
    const ms = story.lastMs + random.int(1, 30) * 1000;
    story.step(
      ms,
      clerk,
      'complete',
      'completed',
      { completed_at: iso(ms), completed_date: shanghaiDate(ms), handler_id: clerk.userId },
      '即办件当场办结',
    );
    // Done at the window with the resident still there: the result goes with them at once, as
    // cases/intake/intake.ts records it.
    story.step(
      ms,
      clerk,
      'hand_out',
      null,
      { handed_out_at: iso(ms) },
      '已在窗口将结果当场交给申请人',
    );
    return;
  }
  if (random.chance(0.01)) {
    story.step(
      later(random, calendar, story.lastMs, random.int(1, 3)),
      clerk,
      'withdraw',
      'withdrawn',
      {},
      '申请人撤回申请',
    );
    return;
  }
  story.step(
    later(random, calendar, story.lastMs, random.int(0, 1)),
    clerk,
    'start',
    'processing',
    { handler_id: clerk.userId },
    null,
  );
  if (random.chance(0.03)) {
    const asked = later(random, calendar, story.lastMs, random.int(1, 3));
    if (
      !story.step(
        asked,
        clerk,
        'request_supplement',
        'pending_supplement',
        { paused_since: iso(asked) },
        '要求补正，办理时限暂停计算',
      )
    )
      return;
    const back = later(random, calendar, asked, random.int(2, 6));
    if (back > world.nowMs) return;
    story.receiveMissing(back, clerk);
    const clock = resume(world, story.row, back);
    story.step(
      back,
      clerk,
      'supplement',
      'accepted',
      clock,
      `补正齐全，继续办理；等待补正期间不计入时限，办结期限为 ${clock.due_date}`,
    );
    story.step(later(random, calendar, back, 0), clerk, 'start', 'processing', {}, null);
  }
  if (random.chance(0.015)) {
    const reason = random.pick(RETURN_REASONS);
    story.step(
      later(random, calendar, story.lastMs, random.int(1, 5)),
      clerk,
      'return',
      'returned',
      { result_note: reason },
      reason,
    );
    handOut(context, resultBy);
    return;
  }
  const due = story.row.due_date!;
  const onTime = random.chance(0.96);
  const left = Math.max(0, Math.min(start.item.promisedDays, 12));
  const done = onTime
    ? later(random, calendar, story.lastMs, random.int(0, left))
    : later(random, calendar, Date.parse(`${due}T02:00:00.000Z`), random.int(1, 6));
  const note = random.pick(RESULT_NOTES);
  story.step(
    done,
    clerk,
    'complete',
    'completed',
    {
      completed_at: iso(done),
      completed_date: shanghaiDate(done),
      result_note: note,
      handler_id: story.row.handler_id ?? clerk.userId,
    },
    withNote('办结', note),
  );
  handOut(context, resultBy);
}

/** 待补正 until the resident returns (most do), withdraws, or the township refuses the case. */
function waitForSupplement(context: Context, clerk: Staff, resultBy: Staff): void {
  const { random, world, story, start } = context;
  const roll = random.float();
  if (roll < 0.05) return;
  if (roll < 0.1) {
    story.step(
      later(random, world.days, story.lastMs, random.int(10, 40)),
      clerk,
      'withdraw',
      'withdrawn',
      {},
      '申请人撤回申请',
    );
    return;
  }
  if (roll < 0.15) {
    const reason = '申请人逾期未补正材料';
    story.step(
      later(random, world.days, story.lastMs, random.int(20, 40)),
      clerk,
      'reject',
      'rejected',
      { reject_reason: reason },
      reason,
    );
    return;
  }
  const back = later(random, world.days, story.lastMs, random.int(1, 8));
  if (back > world.nowMs) return;
  story.receiveMissing(back, clerk);
  const clock = accept(world, back, start.item.promisedDays);
  if (
    !story.step(
      back,
      clerk,
      'supplement',
      'accepted',
      clock,
      `补正齐全，受理，承诺 ${start.item.promisedDays} 个工作日，${clock.due_date} 前办结`,
    )
  )
    return;
  handle(context, clerk, resultBy);
}

export function counterCase(
  world: CaseWorld,
  random: Random,
  stamps: Stamps,
  start: CaseStart & { via: { window: Window } },
): CaseStory {
  const clerk = start.via.window;
  const roll = random.float();
  const outcome = roll < 0.025 ? 'not_ours' : roll < 0.145 ? 'incomplete' : 'complete';
  const story = newStory(world, stamps, random, start, { incomplete: outcome === 'incomplete' });
  const context = { world, random, story, start };
  const t0 = start.startMs;
  if (outcome === 'not_ours') {
    const [reason, redirect] = random.pick(REDIRECTS);
    story.step(
      t0,
      clerk,
      'intake',
      'rejected',
      { reject_reason: reason, redirect_to: redirect },
      `不予受理：${reason}；请到${redirect}办理`,
    );
    handOut(context, clerk);
  } else if (outcome === 'incomplete') {
    story.step(
      t0,
      clerk,
      'intake',
      'pending_supplement',
      {},
      `出具一次性告知单，尚缺：${story.missing()}`,
    );
    waitForSupplement(context, clerk, clerk);
  } else {
    const clock = accept(world, t0, start.item.promisedDays);
    const note =
      start.item.type === 'instant'
        ? '受理（即办件）'
        : `受理，承诺 ${start.item.promisedDays} 个工作日，${clock.due_date} 前办结`;
    story.step(t0, clerk, 'intake', 'accepted', clock, note);
    handle(context, clerk, clerk);
  }
  return story;
}

/** Filed at the village, handed over within three working days, received and handled at the township. */
export function agencyCase(
  world: CaseWorld,
  random: Random,
  stamps: Stamps,
  start: CaseStart & { via: { point: AgencyPoint } },
): CaseStory {
  const agent = start.via.point.agent;
  const story = newStory(world, stamps, random, start, { incomplete: random.chance(0.1) });
  const context = { world, random, story, start };
  const calendar = world.days;
  const handoffDue = story.row.handoff_due_date!;
  const missing = story.missing();
  story.step(
    start.startMs,
    agent,
    'agency_intake',
    'agency_draft',
    {},
    `代办收件，${handoffDue} 前移交乡镇${missing ? `；尚缺：${missing}` : ''}`,
  );
  if (random.chance(0.02)) {
    story.step(
      later(random, calendar, story.lastMs, random.int(0, 2)),
      agent,
      'withdraw',
      'withdrawn',
      {},
      '申请人撤回申请',
    );
    return story;
  }
  const handed = later(
    random,
    calendar,
    story.lastMs,
    random.chance(0.95) ? random.int(0, 3) : random.int(4, 6),
  );
  const late = shanghaiDate(handed) > handoffDue;
  const township = world.township;
  const note = late
    ? `移交${township.name}（逾期，应于 ${handoffDue} 前移交）`
    : `移交${township.name}`;
  if (
    !story.step(
      handed,
      agent,
      'hand_over',
      'awaiting_receipt',
      { org_unit_id: township.id, handed_over_at: iso(handed) },
      note,
    )
  )
    return story;
  const clerk = anyWindow(context);
  const received = later(random, calendar, handed, random.int(0, 2));
  const receipt = {
    received_at: iso(received),
    received_date: shanghaiDate(received),
    counter_contact: `${township.name} ${clerk.terminalName}`,
  };
  if (missing) {
    if (
      story.step(
        received,
        clerk,
        'request_supplement',
        'pending_supplement',
        receipt,
        `接收，材料不齐，出具一次性告知单，尚缺：${missing}`,
      )
    ) {
      waitForSupplement(context, clerk, agent);
    }
    return story;
  }
  const clock = accept(world, received, start.item.promisedDays);
  if (
    story.step(
      received,
      clerk,
      'receive',
      'accepted',
      { ...clock, ...receipt },
      `接收并受理，${clock.due_date} 前办结`,
    )
  ) {
    handle(context, clerk, agent);
  }
  return story;
}
