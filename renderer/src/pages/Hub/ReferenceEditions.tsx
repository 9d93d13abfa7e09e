import { Alert, Paper, Table, Text, Title } from '@mantine/core';
import type { HubStatus } from '@shared/api';
import { formatDate, formatDateTime } from '../../lib/time';

/**
 * 参考数据: the edition of each kind of the county's data this terminal applied. The terminal pulls
 * newer editions every minute by itself (立即同步, in the page's header, runs the same cycle now).
 */
export function ReferenceEditions({ status }: { status: HubStatus }) {
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
      <Title order={3} size="h4" mb="sm">
        参考数据
      </Title>
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
        参考数据上次同步：{formatDateTime(status.lastSyncAt)}（每分钟自动同步）
      </Text>
      {status.lastSyncProblem ? (
        <Alert color="orange" mt="sm" title="上次同步未完成">
          {status.lastSyncProblem}
        </Alert>
      ) : null}
    </Paper>
  );
}
