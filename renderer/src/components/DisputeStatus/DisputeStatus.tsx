import { Badge, Text } from '@mantine/core';
import type { DisputeSummary } from '@shared/api';
import { DISPUTE_STATE_LABELS, type DisputeState } from '@shared/domain/mediation/workflow';
import { RISK_LEVEL_LABELS, type RiskLevel } from '@shared/domain/mediation/vocabulary';

const STATE_COLORS: Record<DisputeState, string> = {
  registered: 'gray',
  accepted: 'blue',
  rejected: 'dark',
  mediating: 'indigo',
  succeeded: 'teal',
  failed: 'orange',
  terminated: 'gray',
  escalated: 'grape',
  followed_up: 'cyan',
  closed: 'dark',
};

const RISK_COLORS: Record<RiskLevel, string> = { general: 'gray', serious: 'orange', major: 'red' };

export function DisputeStateBadge({ state }: { state: DisputeState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {DISPUTE_STATE_LABELS[state]}
    </Badge>
  );
}

export function RiskBadge({ level }: { level: RiskLevel }) {
  return (
    <Badge color={RISK_COLORS[level]} variant={level === 'general' ? 'outline' : 'filled'}>
      风险{RISK_LEVEL_LABELS[level]}
    </Badge>
  );
}

type Deadline = Pick<DisputeSummary, 'deadline' | 'dueDate'> & {
  /** From the case file's clock; the list's summary has only the status. */
  daysLeft?: number | undefined;
};

/** The one-month clock in words: 2026-12-27 到期（还剩 5 天）, red once past. */
export function deadlineText({ deadline, dueDate, daysLeft }: Deadline): string {
  if (deadline === 'none' || !dueDate) return '—';
  if (daysLeft === undefined) {
    return `${dueDate}${deadline === 'overdue' ? ' 已超期' : deadline === 'due_soon' ? ' 即将到期' : ''}`;
  }
  if (daysLeft < 0) return `${dueDate} 已超期 ${-daysLeft} 天`;
  if (daysLeft === 0) return `${dueDate} 今天到期`;
  return `${dueDate}（还剩 ${daysLeft} 天）`;
}

export function DeadlineText(props: Deadline & { size?: string }) {
  const color =
    props.deadline === 'overdue' ? 'red' : props.deadline === 'due_soon' ? 'orange' : undefined;
  return (
    <Text component="span" size={props.size ?? 'sm'} c={color} fw={color ? 600 : undefined}>
      {deadlineText(props)}
    </Text>
  );
}
