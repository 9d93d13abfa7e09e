import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { HubStatus, HubSyncResult } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { formatDate, formatDateTime } from '../../lib/time';

/** What 立即同步 did, in one line: what was applied, or that nothing was new, and what went wrong. */
function syncMessage(result: HubSyncResult): { color: string; message: string } {
  const applied = result.applied.map((kind) => `${kind.label}第 ${kind.edition} 版`);
  const parts = [applied.length > 0 ? `已同步${applied.join('、')}` : null, result.problem].filter(
    (part): part is string => part !== null,
  );
  if (parts.length === 0) return { color: 'teal', message: '参考数据已是最新' };
  return { color: result.problem ? 'orange' : 'teal', message: parts.join('；') };
}

/**
 * 参考数据: the edition of each kind of the county's data this terminal applied. The terminal pulls
 * newer editions every minute by itself; 立即同步 is for when the county has just published.
 */
export function ReferenceEditions({ status }: { status: HubStatus }) {
  const queryClient = useQueryClient();
  const sync = useApiMutation('hub.syncNow', {
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: apiKey('hub.status') });
      void queryClient.invalidateQueries({ queryKey: apiKey('sync.status') });
      notifications.show(syncMessage(result));
    },
  });
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      maw={960}
      mt="md"
      component="section"
      aria-label="参考数据"
    >
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          参考数据
        </Title>
        <Button
          variant="default"
          loading={sync.isPending}
          disabled={status.state !== 'connected'}
          onClick={() => sync.mutate({})}
        >
          立即同步
        </Button>
      </Group>
      <Table withTableBorder striped aria-label="参考数据版本">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>数据</Table.Th>
            <Table.Th w={90}>版本</Table.Th>
            <Table.Th w={110}>发布日期</Table.Th>
            <Table.Th w={110}>应用日期</Table.Th>
            <Table.Th>变更</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.editions.map((edition) => (
            <Table.Tr key={edition.kind}>
              <Table.Td>{edition.label}</Table.Td>
              <Table.Td>{edition.edition ? `第 ${edition.edition} 版` : '未取得'}</Table.Td>
              <Table.Td>{formatDate(edition.publishedAt)}</Table.Td>
              <Table.Td>{formatDate(edition.appliedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {edition.summary ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="sm">
        上次同步：{formatDateTime(status.lastSyncAt)}（每分钟自动同步）
      </Text>
      {status.lastSyncProblem ? (
        <Alert color="orange" mt="sm" title="上次同步未完成">
          {status.lastSyncProblem}
        </Alert>
      ) : null}
    </Paper>
  );
}
