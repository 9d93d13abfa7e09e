import { Alert, Button, Group, Loader, Paper, Switch, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { SYNC_OP_LABELS, type SyncProblem } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { SyncNowButton } from '../../components/SyncStatus';
import { formatDateTime } from '../../lib/time';

/** Where the record a problem belongs to opens, when it is one a page shows. */
function rootPath(root: SyncProblem['root']): string | null {
  if (!root.id) return null;
  if (root.kind === 'cases') return `/cases/${root.id}`;
  if (root.kind === 'disputes') return `/mediation/${root.id}`;
  if (root.kind === 'residents') return `/residents/${root.id}`;
  return `/event-reports/${root.id}`;
}

function RecordCell({ problem }: { problem: SyncProblem }) {
  const path = rootPath(problem.root);
  const name = problem.root.label ?? '（本机已无此记录）';
  return (
    <>
      {path && problem.root.label ? <Link to={path}>{name}</Link> : <Text size="sm">{name}</Text>}
      <Text size="xs" c="dimmed">
        {problem.tableLabel}
      </Text>
    </>
  );
}

function changeOf(problem: SyncProblem): string {
  const op = SYNC_OP_LABELS[problem.op];
  return problem.columns.length > 0 ? `${op}（${problem.columns.length} 项）` : op;
}

function Actions({ problem }: { problem: SyncProblem }) {
  const queryClient = useQueryClient();
  const settle = useApiMutation('sync.settleProblem', {
    onSuccess: (done, input) => {
      void queryClient.invalidateQueries({ queryKey: apiKey('sync.problems') });
      void queryClient.invalidateQueries({ queryKey: apiKey('sync.status') });
      void queryClient.invalidateQueries({ queryKey: apiKey('sync.recordState') });
      notifications.show({
        color: 'teal',
        message:
          input.action === 'resubmit'
            ? `已按本机现状重新提交，处理了 ${done.settled} 条问题`
            : `已放弃本机修改，处理了 ${done.settled} 条问题；下次同步时取回县级平台的版本`,
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  if (problem.settledAt) return <Text size="sm">已处理 {formatDateTime(problem.settledAt)}</Text>;
  const name = problem.root.label ?? problem.tableLabel;
  function confirm(action: 'resubmit' | 'abandon') {
    modals.openConfirmModal({
      title: action === 'resubmit' ? '重新提交' : '放弃本机修改',
      children:
        action === 'resubmit'
          ? `将“${name}”在本机的现状作为一次完整修改再次上传县级平台。同一记录的其他同步问题一并处理。`
          : `不再上传“${name}”在本机被拒收的修改，以县级平台上的版本为准（下次同步时取回）。同一记录的其他同步问题一并处理。`,
      labels: { confirm: action === 'resubmit' ? '重新提交' : '放弃本机修改', cancel: '取消' },
      confirmProps: { color: action === 'resubmit' ? undefined : 'red' },
      onConfirm: () => settle.mutate({ seq: problem.seq, action }),
    });
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" loading={settle.isPending} onClick={() => confirm('resubmit')}>
        重新提交
      </Button>
      <Button
        size="xs"
        variant="default"
        loading={settle.isPending}
        onClick={() => confirm('abandon')}
      >
        放弃本机修改
      </Button>
    </Group>
  );
}

/** 同步问题: each change the county hub refused, why, and what the supervisor decides. */
export function SyncProblemsPage() {
  const [includeSettled, setIncludeSettled] = useState(false);
  const problems = useApiQuery('sync.problems', { includeSettled });
  // A supervisor has no 县级平台 page: 立即同步 is here too, to send a 重新提交 at once.
  const hubState = useApiQuery('hub.status', {}).data?.state;
  return (
    <>
      <PageHeader
        title="同步问题"
        description="县级平台未接收的本机修改。同一记录之后的修改也暂停上传，其他记录照常同步。"
        actions={
          <>
            <Switch
              label="显示已处理"
              checked={includeSettled}
              onChange={(event) => setIncludeSettled(event.currentTarget.checked)}
            />
            <SyncNowButton connected={hubState === 'connected'} />
          </>
        }
      />
      {problems.isPending ? (
        <Loader aria-label="正在载入同步问题" />
      ) : problems.error ? (
        <Alert color="red" role="alert">
          {problems.error.message}
        </Alert>
      ) : problems.data.length === 0 ? (
        <Text c="dimmed">没有待处理的同步问题。</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table striped aria-label="同步问题">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>记录</Table.Th>
                <Table.Th w={120}>修改</Table.Th>
                <Table.Th>县级平台的原因</Table.Th>
                <Table.Th w={150}>时间</Table.Th>
                <Table.Th w={230}>处理</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.data.map((problem) => (
                <Table.Tr key={problem.seq}>
                  <Table.Td>
                    <RecordCell problem={problem} />
                  </Table.Td>
                  <Table.Td>{changeOf(problem)}</Table.Td>
                  <Table.Td>{problem.message}</Table.Td>
                  <Table.Td>{formatDateTime(problem.reportedAt)}</Table.Td>
                  <Table.Td>
                    <Actions problem={problem} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
