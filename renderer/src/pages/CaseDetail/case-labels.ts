import type { CaseDetail } from '@shared/api';
import {
  CASE_ACTIONS,
  CASE_STATE_LABELS,
  caseActionSchema,
} from '@shared/domain/cases/case-workflow';
import { CASE_DOCUMENTS, type CaseDocument } from '@shared/domain/cases/papers';

type CaseEvent = CaseDetail['events'][number];

/** Timeline entries the workflow's actions do not name: how a case opened, partial 补正, hand-out. */
const OTHER_EVENTS: Record<string, string> = {
  intake: '窗口收件',
  agency_intake: '代办收件',
  supplement_partial: '补交部分材料',
  hand_out: '结果送达',
};

/** What a timeline entry says happened, e.g. 窗口收件：已受理 or 开始办理. */
export function eventTitle(event: CaseEvent): string {
  const action = caseActionSchema.safeParse(event.action);
  const label = action.success
    ? CASE_ACTIONS[action.data].label
    : (OTHER_EVENTS[event.action] ?? event.action);
  const opened = event.action === 'intake' || event.action === 'agency_intake';
  return opened && event.toState ? `${label}：${CASE_STATE_LABELS[event.toState]}` : label;
}

/** ¥12.50, or 免费 for the many items that cost nothing. */
export function formatFee(fen: number): string {
  return fen === 0 ? '免费' : `¥${(fen / 100).toFixed(2)}`;
}

/**
 * The papers this case has grounds for: a receipt once it was accepted, the one-time notice once it
 * was sent for 补正, the refusal when refused, the completion notice when completed.
 */
export function printableDocuments(
  detail: Pick<CaseDetail, 'state' | 'acceptedAt' | 'events' | 'channel'>,
): CaseDocument[] {
  const wasSentForSupplement = detail.events.some((e) => e.toState === 'pending_supplement');
  const has: Record<CaseDocument, boolean> = {
    receipt: detail.acceptedAt !== null,
    notice: detail.state === 'pending_supplement' || wasSentForSupplement,
    rejection: detail.state === 'rejected',
    completion: detail.state === 'completed',
    agency: detail.channel === 'agency',
  };
  return CASE_DOCUMENTS.filter((document) => has[document]);
}

const HANDED_OUT_STATES: readonly CaseDetail['state'][] = ['completed', 'rejected', 'returned'];

/** The result (or refusal, or returned materials) is there to give the resident and not yet given. */
export function awaitsHandOut(detail: Pick<CaseDetail, 'state' | 'handedOutAt'>): boolean {
  return HANDED_OUT_STATES.includes(detail.state) && detail.handedOutAt === null;
}
