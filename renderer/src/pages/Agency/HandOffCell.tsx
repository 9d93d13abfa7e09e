import { Badge, Stack, Text } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import { DueDate } from '../../components/CaseStatus';
import { formatDate } from '../../lib/time';
import { handedOverLate } from './hand-off';

/**
 * The 3-working-day hand-off limit: while the case is still at the village, the limit with its
 * warning; once handed over, the limit and the day it was handed over, flagged when late.
 */
export function HandOffCell({ row }: { row: CaseSummary }) {
  if (!row.handoffDueDate) return <Text c="dimmed">—</Text>;
  if (row.state === 'agency_draft') {
    return <DueDate date={row.handoffDueDate} deadline={row.deadline} />;
  }
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{row.handoffDueDate}</Text>
      {handedOverLate(row) ? (
        <Badge color="red" variant="light" size="sm">
          逾期移交（{formatDate(row.handedOverAt)}）
        </Badge>
      ) : (
        <Text size="xs" c="dimmed">
          {row.handedOverAt ? `${formatDate(row.handedOverAt)} 已移交` : '未移交'}
        </Text>
      )}
    </Stack>
  );
}
