import { Badge, Button, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { HubTerminalRow } from '@shared/api';
import { roughDuration } from '@shared/domain/clock-skew';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { IssueCodeForm } from './IssueCodeForm';

function TerminalState({ terminal }: { terminal: HubTerminalRow }) {
  if (terminal.revokedAt)
    return (
      <Badge color="red" variant="light">
        已停用
      </Badge>
    );
  return (
    <Badge color="teal" variant="light">
      {terminal.isSelf ? '正常（本机）' : '正常'}
    </Badge>
  );
}

/**
 * How far the terminal's latest change the hub flagged was ahead of the hub's clock: its PC clock
 * is (or was, until real time catches up with what it stamped) set wrong.
 */
function ClockAhead({ terminal }: { terminal: HubTerminalRow }) {
  const flag = terminal.clockAhead;
  if (!flag) return <Text size="sm">正常</Text>;
  return (
    <Stack gap={0}>
      <Badge color="orange" variant="light">
        超前{roughDuration(flag.aheadMs)}
      </Badge>
      <Text size="xs" c="dimmed">
        {formatDateTime(flag.flaggedAt)}
      </Text>
    </Stack>
  );
}

/** 终端管理 at the county centre: codes for new terminals, the county's terminals, 停用. */
export function HubTerminalsPage() {
  const queryClient = useQueryClient();
  const terminals = useApiQuery('hub.listTerminals', {});
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: apiKey('hub.listTerminals') });
  const revoke = useApiMutation('hub.revokeTerminal', {
    onSuccess: (terminal) => {
      notifications.show({
        color: 'teal',
        message: `已停用${terminal.orgUnit.name}的 ${terminal.terminalNumber} 号终端`,
      });
      refresh();
    },
  });

  function confirmRevoke(terminal: HubTerminalRow) {
    modals.openConfirmModal({
      title: '停用终端',
      children: (
        <Text>
          停用{terminal.orgUnit.name}的 {terminal.terminalNumber}{' '}
          号终端后，它将无法再与县级平台同步，本机数据仍可离线使用。恢复需签发新的加入码重新连接。
        </Text>
      ),
      labels: { confirm: '停用', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate({ terminalId: terminal.terminalId }),
    });
  }

  return (
    <>
      <PageHeader
        title="终端管理"
        description="为新终端签发一次性加入码，查看全县终端的最近联系，停用丢失或不再使用的终端。“系统时间”一栏标出时间设错的终端，请联系该单位校准。"
      />
      <Stack gap="lg">
        <IssueCodeForm onIssued={refresh} />
        <ListTable
          aria-label="全县终端"
          highlightOnHover
          minHeight={200}
          fetching={terminals.isPending}
          noRecordsText={terminals.error ? terminals.error.message : '还没有终端加入'}
          records={terminals.data ?? []}
          idAccessor="terminalId"
          columns={[
            { accessor: 'terminalNumber', title: '编号' },
            { accessor: 'orgUnit.name', title: '单位' },
            { accessor: 'appVersion', title: '软件版本' },
            {
              accessor: 'lastContactAt',
              title: '最近联系',
              render: (t) => formatDateTime(t.lastContactAt),
            },
            {
              accessor: 'clockAhead',
              title: '系统时间',
              render: (t) => <ClockAhead terminal={t} />,
            },
            { accessor: 'state', title: '状态', render: (t) => <TerminalState terminal={t} /> },
            {
              accessor: 'actions',
              title: '操作',
              textAlign: 'right',
              render: (t) =>
                t.isSelf || t.revokedAt ? null : (
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    aria-label={`停用 ${t.orgUnit.name} ${t.terminalNumber} 号终端`}
                    onClick={() => confirmRevoke(t)}
                  >
                    停用
                  </Button>
                ),
            },
          ]}
        />
      </Stack>
    </>
  );
}
