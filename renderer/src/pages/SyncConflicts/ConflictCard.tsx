import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import type { SyncConflictView } from '@shared/api';
import { DISPLAY_ZONE, formatDateTime } from '../../lib/time';

type Side = SyncConflictView['kept'];

/** Two changes within one minute show their seconds, so that the person can tell which came first. */
function sideTimes(kept: Side, other: Side): { kept: string; other: string } {
  if (formatDateTime(kept.at) !== formatDateTime(other.at)) {
    return { kept: formatDateTime(kept.at), other: formatDateTime(other.at) };
  }
  const withSeconds = (iso: string) => dayjs(iso).tz(DISPLAY_ZONE).format('YYYY-MM-DD HH:mm:ss');
  return { kept: withSeconds(kept.at), other: withSeconds(other.at) };
}

function SideColumn({
  heading,
  side,
  at,
  action,
  busy,
  onChoose,
}: {
  heading: string;
  side: Side;
  /** The time as this card shows it (sideTimes). */
  at: string;
  action: string;
  busy: boolean;
  onChoose: () => void;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={heading}>
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {heading}
        </Text>
        <Text fz="lg" fw={600} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {side.display}
        </Text>
        <Text size="sm">修改人：{side.byName}</Text>
        <Text size="sm">修改时间：{at}</Text>
        <Text size="sm">终端：{side.terminal}</Text>
        <Group justify="flex-end" mt="xs">
          <Button variant="light" loading={busy} onClick={onChoose}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One field of one record with both values side by side, and the two choices. */
export function ConflictCard({
  conflict,
  busy,
  onChoose,
}: {
  conflict: SyncConflictView;
  busy: boolean;
  onChoose: (choice: 'kept' | 'other') => void;
}) {
  const times = sideTimes(conflict.kept, conflict.other);
  // The record's name already says its kind when the field is the record's own (not a material's).
  const kind = conflict.recordLabel.startsWith(conflict.tableLabel)
    ? ''
    : `${conflict.tableLabel} · `;
  return (
    <Paper withBorder p="lg" radius="md" component="article" aria-label={conflict.recordLabel}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} fz="md">
              {conflict.recordLabel}
            </Title>
            <Text size="sm" c="dimmed">
              {kind}发现于 {formatDateTime(conflict.openedAt)}
            </Text>
          </Stack>
          <Badge color="orange" variant="light" size="lg">
            {conflict.columnLabel}
          </Badge>
        </Group>
        {conflict.differOnlyInMask ? (
          <Text size="sm" c="orange.8">
            两个值只在隐去的部分不同，请打开该记录核实后再选择。
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SideColumn
            heading="县级平台现有的值"
            side={conflict.kept}
            at={times.kept}
            action="保留此值"
            busy={busy}
            onChoose={() => onChoose('kept')}
          />
          <SideColumn
            heading={conflict.other.terminal === '本机' ? '本机改成的值' : '另一终端改成的值'}
            side={conflict.other}
            at={times.other}
            action="采用另一值"
            busy={busy}
            onChoose={() => onChoose('other')}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
