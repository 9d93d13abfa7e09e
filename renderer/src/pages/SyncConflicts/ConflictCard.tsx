import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SyncConflictView } from '@shared/api';
import { formatDateTime } from '../../lib/time';

type Side = SyncConflictView['kept'];

function SideColumn({
  heading,
  side,
  action,
  busy,
  onChoose,
}: {
  heading: string;
  side: Side;
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
        <Text size="sm">修改时间：{formatDateTime(side.at)}</Text>
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
  return (
    <Paper withBorder p="lg" radius="md" component="article" aria-label={conflict.recordLabel}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={3} fz="md">
              {conflict.recordLabel}
            </Title>
            <Text size="sm" c="dimmed">
              {conflict.tableLabel} · 发现于 {formatDateTime(conflict.openedAt)}
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
            action="保留此值"
            busy={busy}
            onChoose={() => onChoose('kept')}
          />
          <SideColumn
            heading="另一终端改成的值"
            side={conflict.other}
            action="采用另一值"
            busy={busy}
            onChoose={() => onChoose('other')}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
