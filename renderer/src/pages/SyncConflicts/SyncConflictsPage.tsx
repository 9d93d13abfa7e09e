import { Alert, Button, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { SyncConflictView } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ConflictCard } from './ConflictCard';

/**
 * 同步冲突: the same field of a record changed at two terminals from the same version. The county
 * hub keeps the value that arrived first; a supervisor or administrator of the owning unit sees both
 * with who and when, and chooses. Read from the hub, so it needs the hub online.
 */
export function SyncConflictsPage() {
  const queryClient = useQueryClient();
  const conflicts = useApiQuery('sync.conflicts', {}, { meta: { errorShownInline: true } });
  const resolve = useApiMutation('sync.resolveConflict', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKey('sync.conflicts') }),
  });

  function choose(conflict: SyncConflictView, choice: 'kept' | 'other') {
    const side = choice === 'kept' ? conflict.kept : conflict.other;
    modals.openConfirmModal({
      title: choice === 'kept' ? '保留此值' : '采用另一值',
      children: (
        <Stack gap="xs">
          <Text>
            将{conflict.recordLabel}的“{conflict.columnLabel}”定为：
          </Text>
          <Text fw={600}>{side.display}</Text>
          <Text size="sm" c="dimmed">
            所选值作为一次修改保存在本机，并随同步发到县级平台和其他终端；另一个值不再保留。
          </Text>
        </Stack>
      ),
      labels: { confirm: '确定', cancel: '取消' },
      onConfirm: () =>
        resolve.mutate(
          { conflictId: conflict.id, choice },
          {
            onSuccess: (done) =>
              notifications.show({
                color: 'teal',
                message: `已处理：“${conflict.columnLabel}”定为“${done.display}”`,
              }),
          },
        ),
    });
  }

  return (
    <>
      <PageHeader
        title="同步冲突"
        description="同一条记录的同一项内容在两台终端上被各自修改时，县级平台先保留先收到的值，另一个值在这里等您选择。查看和处理都需要连接县级平台。"
        actions={
          <Button
            variant="default"
            loading={conflicts.isFetching}
            onClick={() => void conflicts.refetch()}
          >
            刷新
          </Button>
        }
      />
      {conflicts.isPending ? (
        <PageLoader />
      ) : conflicts.error ? (
        <Alert color="orange" role="alert" title="暂时无法查看同步冲突">
          {conflicts.error.message}
        </Alert>
      ) : conflicts.data.conflicts.length === 0 ? (
        <Alert color="teal" title="没有待处理的同步冲突">
          本单位的记录在各终端之间没有相互冲突的修改。
        </Alert>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            共 {conflicts.data.conflicts.length} 条待处理
            {conflicts.data.more ? '（仅列出最近的一部分，处理后会显示其余）' : ''}。
          </Text>
          {conflicts.data.conflicts.map((conflict) => (
            <ConflictCard
              key={conflict.id}
              conflict={conflict}
              busy={resolve.isPending && resolve.variables.conflictId === conflict.id}
              onChoose={(choice) => choose(conflict, choice)}
            />
          ))}
        </Stack>
      )}
    </>
  );
}
