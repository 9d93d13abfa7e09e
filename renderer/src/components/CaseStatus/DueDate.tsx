import { Badge, Group, Text } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import { DEADLINE_STATUS_LABELS } from '@shared/domain/cases/deadline';

type Deadline = CaseSummary['deadline'];

/** The states a person must act on, badged; the colour never carries the meaning alone. */
const WARNING_COLORS: Partial<Record<Deadline, string>> = {
  due_soon: 'yellow',
  due_today: 'orange',
  overdue: 'red',
};

const TEXT_COLORS: Partial<Record<Deadline, string>> = {
  due_soon: 'yellow.9',
  due_today: 'orange.8',
  overdue: 'red.8',
};

/** 即将到期, 今日到期 or 已超期 as a badge; nothing while the limit is far off or no clock runs. */
export function CaseDeadlineBadge({ deadline }: { deadline: Deadline }) {
  const color = WARNING_COLORS[deadline];
  if (!color || deadline === 'none') return null;
  return (
    <Badge color={color} variant="filled" size="sm">
      {DEADLINE_STATUS_LABELS[deadline]}
    </Badge>
  );
}

interface DueDateProps {
  /** YYYY-MM-DD, or null when the case has no promised date (yet). */
  date: string | null;
  /** Where the running limit stands; 'none' while no clock runs (补正, closed). */
  deadline: Deadline;
}

/** A due date as tables show it: the date, coloured and badged at one working day left and after. */
export function DueDate({ date, deadline }: DueDateProps) {
  if (!date) return <Text c="dimmed">—</Text>;
  const warning = WARNING_COLORS[deadline] !== undefined;
  return (
    <Group gap={6} wrap="nowrap">
      <Text
        size="sm"
        c={TEXT_COLORS[deadline] ?? (deadline === 'none' ? 'dimmed' : undefined)}
        fw={warning ? 600 : undefined}
      >
        {date}
      </Text>
      <CaseDeadlineBadge deadline={deadline} />
    </Group>
  );
}
