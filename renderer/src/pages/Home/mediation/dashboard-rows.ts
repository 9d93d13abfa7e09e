import type { MethodOutput } from '@shared/api';
import { DISPUTE_DEADLINE_LABELS } from '@shared/domain/mediation/clocks';
import { daysLeftText } from '../../../lib/days-left';

export type MediationDashboard = MethodOutput<'mediation.dashboard'>;

export interface WidgetRow {
  key: string;
  disputeId: string;
  caseNo: string;
  partyNames: string;
  /** What is due and when, e.g. 回访应于 2026-12-12（已逾期 2 天）. */
  detail: string;
  overdue: boolean;
}

/** Overdue visits first, then those due soon, each as one line. */
export function followUpRows(dashboard: MediationDashboard): WidgetRow[] {
  return [
    ...dashboard.followUpsOverdue.map((visit) => ({ visit, overdue: true })),
    ...dashboard.followUpsDue.map((visit) => ({ visit, overdue: false })),
  ].map(({ visit, overdue }) => ({
    key: visit.id,
    disputeId: visit.dispute.id,
    caseNo: visit.dispute.caseNo,
    partyNames: visit.dispute.partyNames,
    detail: `回访应于 ${visit.dueOn}${visit.deadline ? `（${daysLeftText(visit.deadline.daysLeft)}）` : ''}`,
    overdue,
  }));
}

/** The one-month target: past it first, then within five days of it. */
export function deadlineRows(dashboard: MediationDashboard): WidgetRow[] {
  return [
    ...dashboard.deadlinesOverdue.map((dispute) => ({ dispute, overdue: true })),
    ...dashboard.deadlinesDueSoon.map((dispute) => ({ dispute, overdue: false })),
  ].map(({ dispute, overdue }) => ({
    key: dispute.id,
    disputeId: dispute.id,
    caseNo: dispute.caseNo,
    partyNames: dispute.partyNames,
    detail: `调解期限 ${dispute.dueDate ?? ''}，${DISPUTE_DEADLINE_LABELS[overdue ? 'overdue' : 'due_soon']}`,
    overdue,
  }));
}

/** The 30 days for the joint application, closing soonest first. */
export function judicialRows(dashboard: MediationDashboard): WidgetRow[] {
  return dashboard.judicialWindows.map(({ dispute, window }) => ({
    key: dispute.id,
    disputeId: dispute.id,
    caseNo: dispute.caseNo,
    partyNames: dispute.partyNames,
    detail: `司法确认申请截止 ${window.dueDate}（${daysLeftText(window.daysLeft)}）`,
    overdue: window.status === 'overdue',
  }));
}

export function awaitingRows(dashboard: MediationDashboard): WidgetRow[] {
  return dashboard.awaitingAcceptance.map((dispute) => ({
    key: dispute.id,
    disputeId: dispute.id,
    caseNo: dispute.caseNo,
    partyNames: dispute.partyNames,
    detail:
      dispute.state === 'escalated'
        ? '下级上交，待本单位受理'
        : `${dispute.registeredOn} 登记，待受理`,
    overdue: false,
  }));
}
