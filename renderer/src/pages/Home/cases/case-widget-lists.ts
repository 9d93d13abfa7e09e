import type { CaseSummary, MethodOutput, Role } from '@shared/api';
import { CASE_ACTIONS, CASE_STATE_LABELS } from '@shared/domain/cases/case-workflow';
import { DEADLINE_STATUS_LABELS } from '@shared/domain/cases/deadline';
import { formatDate } from '../../../lib/time';

type CaseDashboard = MethodOutput<'cases.dashboard'>;
export type CaseListName = Exclude<keyof CaseDashboard, 'followupsDue' | 'calendarWarning'>;

interface CaseWidgetList {
  name: CaseListName;
  title: string;
  empty: string;
}

/** The counter's day: what is late or due first, then what waits on the resident or the village. */
const COUNTER_LISTS: CaseWidgetList[] = [
  { name: 'overdue', title: DEADLINE_STATUS_LABELS.overdue, empty: '没有超期的案件' },
  { name: 'dueToday', title: DEADLINE_STATUS_LABELS.due_today, empty: '今天没有到期的案件' },
  {
    name: 'dueSoon',
    title: `${DEADLINE_STATUS_LABELS.due_soon}（剩 1 个工作日）`,
    empty: '没有下一个工作日到期的案件',
  },
  { name: 'pendingSupplement', title: '等待补正', empty: '没有等待补正的案件' },
  { name: 'readyToHandOut', title: '待领取或送达', empty: '没有待交付的办理结果' },
  { name: 'awaitingReceipt', title: '待接收的代办件', empty: '没有村（社区）移交来的代办件' },
];

/** The agent's day: drafts to hand over within 3 working days, then what comes back. */
const AGENT_LISTS: CaseWidgetList[] = [
  { name: 'agencyDrafts', title: '代办待移交', empty: '没有待移交乡镇的代办件' },
  { name: 'awaitingReceipt', title: '已移交，待乡镇接收', empty: '没有等待乡镇接收的代办件' },
  { name: 'pendingSupplement', title: '等待补正', empty: '没有等待补正的代办件' },
  { name: 'readyToHandOut', title: '待交还申请人', empty: '没有待交还的办理结果' },
  { name: 'overdue', title: DEADLINE_STATUS_LABELS.overdue, empty: '没有超期的代办件' },
  { name: 'dueToday', title: DEADLINE_STATUS_LABELS.due_today, empty: '今天没有到期的代办件' },
  {
    name: 'dueSoon',
    title: `${DEADLINE_STATUS_LABELS.due_soon}（剩 1 个工作日）`,
    empty: '没有下一个工作日到期的代办件',
  },
];

const RECEIVING_ROLES: readonly Role[] = CASE_ACTIONS.receive.from.awaiting_receipt ?? [];

/** 待接收 only for those the workflow lets receive: the backend sends the administrator none. */
export function listsFor(role: Role): CaseWidgetList[] {
  if (role === 'agent') return AGENT_LISTS;
  if (RECEIVING_ROLES.includes(role)) return COUNTER_LISTS;
  return COUNTER_LISTS.filter((list) => list.name !== 'awaitingReceipt');
}

/** Whose cases the lists hold: a clerk's own, an agent's own, or the whole unit's. */
export function scopeLabel(role: Role): string {
  if (role === 'clerk') return '您经办的案件';
  if (role === 'agent') return '您代办的案件';
  return '本单位的案件';
}

interface RowDetail {
  text: string;
  urgent: boolean;
}

/** The one line under a case that says why it is on this list. */
export function rowDetail(list: CaseListName, row: CaseSummary): RowDetail {
  switch (list) {
    case 'overdue':
      // A supervisor's list holds village drafts past their hand-off limit too.
      return row.state === 'agency_draft'
        ? {
            text: `${row.agencyOrgName ?? ''}代办应于 ${row.handoffDueDate ?? '—'} 前移交，已逾期`,
            urgent: true,
          }
        : {
            text: `办结期限 ${row.dueDate ?? '—'}，${DEADLINE_STATUS_LABELS.overdue}`,
            urgent: true,
          };
    case 'dueToday':
      return { text: `今日（${row.dueDate ?? '—'}）到期`, urgent: true };
    case 'dueSoon':
      return { text: `${row.dueDate ?? '—'} 到期，剩 1 个工作日`, urgent: false };
    case 'pendingSupplement':
      return {
        text: row.acceptedDate
          ? '受理后要求补正，时限暂停计算'
          : `一次性告知后等待补正，收件于 ${formatDate(row.createdAt)}`,
        urgent: false,
      };
    case 'readyToHandOut':
      return { text: `${CASE_STATE_LABELS[row.state]}，结果尚未交付`, urgent: false };
    case 'awaitingReceipt': {
      const who = [row.agencyOrgName, row.agentName].filter(Boolean).join(' ');
      const when = row.handedOverAt ? `，${formatDate(row.handedOverAt)} 移交` : '';
      return { text: `${who}代办${when}`, urgent: false };
    }
    case 'agencyDrafts': {
      const late = row.deadline === 'overdue';
      const due = row.handoffDueDate ?? '—';
      return {
        text: late ? `应于 ${due} 前移交，已逾期` : `应于 ${due} 前移交乡镇`,
        urgent: late || row.deadline === 'due_today',
      };
    }
  }
}
