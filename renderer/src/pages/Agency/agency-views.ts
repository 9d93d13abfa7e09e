import type { CaseState } from '@shared/domain/cases/case-workflow';

/** The agent's list by where the cases stand, as the agent thinks of them. */
export type AgencyView = 'all' | 'draft' | 'awaiting' | 'township' | 'finished';

export const AGENCY_VIEWS: { value: AgencyView; label: string; states: CaseState[] }[] = [
  { value: 'all', label: '全部', states: [] },
  { value: 'draft', label: '待移交', states: ['agency_draft'] },
  { value: 'awaiting', label: '待乡镇接收', states: ['awaiting_receipt'] },
  {
    value: 'township',
    label: '乡镇办理中',
    states: ['pending_supplement', 'accepted', 'processing'],
  },
  {
    value: 'finished',
    label: '已办结',
    states: ['completed', 'rejected', 'returned', 'withdrawn'],
  },
];

export function statesOf(view: AgencyView): CaseState[] {
  return AGENCY_VIEWS.find((option) => option.value === view)?.states ?? [];
}
