import { Badge, Stack, Text } from '@mantine/core';
import type { Followup } from '@shared/api';

/** The call-back limit as the supervisor acts on it: working days left, due today, or overdue. */
export function FollowupDue({ followup }: { followup: Followup }) {
  const { dueDate, workingDaysLeft, overdue } = followup;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{dueDate}</Text>
      {workingDaysLeft === null ? null : overdue ? (
        <Badge color="red" variant="filled" size="sm">
          {workingDaysLeft < 0 ? `已超期 ${-workingDaysLeft} 个工作日` : '已超期'}
        </Badge>
      ) : workingDaysLeft === 0 ? (
        <Badge color="orange" variant="filled" size="sm">
          今日到期
        </Badge>
      ) : (
        <Badge color={workingDaysLeft <= 1 ? 'yellow' : 'gray'} variant="light" size="sm">
          剩 {workingDaysLeft} 个工作日
        </Badge>
      )}
    </Stack>
  );
}
