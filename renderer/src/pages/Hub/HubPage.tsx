import { Alert, Badge, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { HUB_STATE_LABELS, ORG_LEVEL_LABELS, type HubState, type HubStatus } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiKey, useApiQuery } from '../../api';
import { CountyReferencePublish } from '../../components/CountyPublish';
import { HubJoinForm } from '../../components/HubJoinForm';
import { SyncNowButton } from '../../components/SyncStatus';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { ReferenceEditions } from './ReferenceEditions';

const STATE_COLORS: Record<HubState, string> = {
  standalone: 'gray',
  pending: 'blue',
  connected: 'teal',
  revoked: 'red',
  tokenMissing: 'orange',
};

const CHECK = { refresh: true } as const;

function Facts({ status }: { status: HubStatus }) {
  const unit = status.orgUnit;
  const rows: [string, string][] = [
    ['县级平台', status.hubName ? `${status.hubName}（${status.hubUrl}）` : (status.hubUrl ?? '—')],
    ['终端编号', status.terminalNumber ?? '—'],
    ['本单位', unit ? `${unit.name}（${ORG_LEVEL_LABELS[unit.level]}，${unit.code}）` : '—'],
    ['加入时间', formatDateTime(status.joinedAt)],
    ['最近联系', formatDateTime(status.lastContactAt)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="县级平台连接">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={140}>状态</Table.Th>
          <Table.Td>
            <Badge color={STATE_COLORS[status.state]} variant="light">
              {HUB_STATE_LABELS[status.state]}
            </Badge>
          </Table.Td>
        </Table.Tr>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 县级平台: what this terminal's enrolment is, and 重新连接 with a new code. */
export function HubPage() {
  const queryClient = useQueryClient();
  // Opening the page asks the hub how it sees this terminal: a revocation shows here at once.
  const status = useApiQuery('hub.status', CHECK);
  // What the hub answered also goes to the status bar's badge, which reads without asking the hub.
  const state = status.data?.state;
  useEffect(() => {
    if (state)
      void queryClient.invalidateQueries({ queryKey: apiKey('hub.status', {}), exact: true });
  }, [state, queryClient]);

  function openReconnect(current: HubStatus) {
    const id = modals.open({
      title: current.state === 'standalone' ? '连接县级平台' : '重新连接县级平台',
      children: (
        <HubJoinForm
          method="hub.reconnect"
          initialUrl={current.hubUrl ?? ''}
          submitLabel="连接"
          onJoined={(joined) => {
            modals.close(id);
            queryClient.setQueryData(apiKey('hub.status', CHECK), joined);
            void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
            notifications.show({
              color: 'teal',
              message: `已连接县级平台，本终端编号为 ${joined.terminalNumber}`,
            });
            if (joined.rematched) {
              // Every list and form read before holds ids that no longer exist.
              void queryClient.invalidateQueries();
              // Stays until read: it names the backup taken before the ids were rewritten.
              notifications.show({
                color: 'blue',
                title: '本机数据已按全县统一编码整理',
                message: joined.rematched,
                autoClose: false,
              });
            }
          }}
        />
      ),
    });
  }

  const data = status.data;
  return (
    <>
      <PageHeader
        title="县级平台"
        description="本终端与县级平台的连接。被停用或更换电脑后，向县级中心管理员索取新的加入码重新连接。"
        actions={
          data ? (
            <>
              {data.state === 'standalone' ? null : (
                <SyncNowButton connected={data.state === 'connected'} />
              )}
              <Button
                variant="default"
                loading={status.isFetching}
                onClick={() => void status.refetch()}
              >
                检查连接
              </Button>
              <Button onClick={() => openReconnect(data)}>
                {data.state === 'standalone' ? '连接县级平台' : '重新连接'}
              </Button>
            </>
          ) : null
        }
      />
      {status.isPending ? (
        <Group gap="sm">
          <Loader size="sm" aria-label="正在连接县级平台" />
          <Text c="dimmed">正在连接县级平台…</Text>
        </Group>
      ) : data ? (
        <Paper withBorder p="lg" radius="md" maw={960}>
          {data.problem ? (
            <Alert color={data.state === 'connected' ? 'orange' : 'red'} role="alert" mb="md">
              {data.problem}
            </Alert>
          ) : null}
          {data.state === 'standalone' ? (
            <Text>本终端未加入县级平台，单独使用。</Text>
          ) : (
            <Facts status={data} />
          )}
        </Paper>
      ) : null}
      {data && data.editions.length > 0 ? <ReferenceEditions status={data} /> : null}
      <CountyReferencePublish />
    </>
  );
}
