import type { MethodInput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { IDS, person } from '@shared/testing/people';
import type { Harness } from './harness';

/** What the mediation tests send most often, with what a test changes named beside it. */

/** The date on the terminal's clock, in Asia/Shanghai. */
export const today = (h: Harness) => shanghaiDate(h.clock.now());

/** The parties most tests need: 张三 applies, 李四 answers. */
export const zhangAndLi = () => [person('张三', IDS.zhang), person('李四', IDS.li, 'respondent')];

type Session = MethodInput<'mediation.recordSession'>;

/**
 * A session held today in 调解室 with both parties there, no statements and no agreement; `rest`
 * says what a test's session has otherwise.
 */
export function sessionOf(
  h: Harness,
  disputeId: string,
  mediatorIds: string[],
  rest: Partial<Session> = {},
): Session {
  return {
    disputeId,
    heldOn: today(h),
    place: '调解室',
    mediatorIds,
    attendees: ['双方当事人'],
    statements: [],
    agreed: false,
    ...rest,
  };
}

/** `leadId` is made the case's lead mediator, and a session is held with him (`rest` as above). */
export async function assignAndHold(
  h: Harness,
  token: string,
  disputeId: string,
  leadId: string,
  rest: Partial<Session> = {},
): Promise<void> {
  await h.ok('mediation.assignMediators', { disputeId, leadMediatorId: leadId }, token);
  await h.ok('mediation.recordSession', sessionOf(h, disputeId, [leadId], rest), token);
}
