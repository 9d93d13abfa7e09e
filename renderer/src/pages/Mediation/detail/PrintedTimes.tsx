import { Text } from '@mantine/core';
import type { DisputeDetail } from '@shared/api';

/** How often a paper of this case has been printed (each press of 打印 counts, see mediation.recordPrint). */
export function PrintedTimes({
  dispute,
  paper,
  what,
}: {
  dispute: DisputeDetail;
  /** The case file's key: notice, agreement, session:<id>. */
  paper: string;
  /** 协议书, 笔录 …; left out where the button beside it already names the paper. */
  what?: string;
}) {
  const times = dispute.printCounts[paper] ?? 0;
  if (times === 0) return null;
  return (
    <Text size="xs" c="dimmed" span>
      {what ?? ''}已打印 {times} 次
    </Text>
  );
}
