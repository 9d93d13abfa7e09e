import { Badge, type BadgeProps } from '@mantine/core';
import { CASE_STATE_LABELS, type CaseState } from '@shared/domain/cases/case-workflow';

/** Open states in cool colours, waiting on the resident in orange, ends in green, red or grey. */
const STATE_COLORS: Record<CaseState, string> = {
  agency_draft: 'grape',
  awaiting_receipt: 'violet',
  pending_supplement: 'orange',
  accepted: 'blue',
  processing: 'cyan',
  completed: 'teal',
  rejected: 'red',
  returned: 'pink',
  withdrawn: 'gray',
};

interface CaseStateBadgeProps {
  state: CaseState;
  /** Badge size; tables use the default. */
  size?: BadgeProps['size'];
}

export function CaseStateBadge({ state, size }: CaseStateBadgeProps) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" size={size}>
      {CASE_STATE_LABELS[state]}
    </Badge>
  );
}
