import { Badge, Group, Text } from '@mantine/core';
import type { CaseSummary } from '@shared/api';

type Deadline = CaseSummary['deadline'];

/** A warning badge for the states a person must act on; the colour never carries the meaning alone. */
const WARNINGS: Partial<Record<Deadline, { label: string; color: string }>> = {
  due_soon: { label: '剩 1 个工作日', color: 'yellow' },
  due_today: { label: '今日到期', color: 'orange' },
  overdue: { label: '已超期', color: 'red' },
};

const TEXT_COLORS: Partial<Record<Deadline, string>> = {
  due_soon: 'yellow.9',
  due_today: 'orange.8',
  overdue: 'red.8',
};

interface DueDateProps {
  /** YYYY-MM-DD, or null when the case has no promised date (yet). */
  date: string | null;
  /** Where the running limit stands; 'none' while no clock runs (补正, closed). */
  deadline: Deadline;
}

/** A due date as tables show it: the date, coloured and badged at one working day left and after. */
export function DueDate({ date, deadline }: DueDateProps) {
  if (!date) return <Text c="dimmed">—</Text>;
  const warning = WARNINGS[deadline];
  return (
    <Group gap={6} wrap="nowrap">
      <Text
        size="sm"
        c={TEXT_COLORS[deadline] ?? (deadline === 'none' ? 'dimmed' : undefined)}
        fw={warning ? 600 : undefined}
      >
        {date}
      </Text>
      {warning ? (
        <Badge color={warning.color} variant="filled" size="sm">
          {warning.label}
        </Badge>
      ) : null}
    </Group>
  );
}
