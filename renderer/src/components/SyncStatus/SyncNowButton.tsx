import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { HubSyncResult } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';

/** What the button does, said where it is: the whole cycle, not only the county's reference data. */
export const SYNC_NOW_HINT =
  '上传本机修改，再取回县级平台的参考数据、本单位账号和业务记录。平时每分钟自动同步，县级中心刚发布新数据或想马上上传时使用。';

/** What 立即同步 did, in one line: done, what reference data was updated, and what went wrong. */
export function syncMessage(result: HubSyncResult): { color: string; message: string } {
  const applied = result.applied.map((kind) => `${kind.label}第 ${kind.edition} 版`);
  const updated = applied.length > 0 ? `已更新${applied.join('、')}` : null;
  if (result.problem)
    return { color: 'orange', message: [updated, result.problem].filter(Boolean).join('；') };
  return {
    color: 'teal',
    message: ['同步完成：本机修改已上传，已取回县级平台的最新数据', updated]
      .filter(Boolean)
      .join('；'),
  };
}

/** 立即同步: one sync cycle now (push, reference data, accounts, pull), as the minute's timer runs it. */
export function SyncNowButton({ connected }: { connected: boolean }) {
  const queryClient = useQueryClient();
  const sync = useApiMutation('hub.syncNow', {
    onSuccess: (result) => {
      for (const method of ['hub.status', 'sync.status', 'sync.recordState', 'hub.pullProgress'])
        void queryClient.invalidateQueries({ queryKey: apiKey(method as 'hub.status') });
      notifications.show(syncMessage(result));
    },
  });
  return (
    <Tooltip label={SYNC_NOW_HINT} multiline w={320} withArrow>
      <Button
        variant="default"
        loading={sync.isPending}
        disabled={!connected}
        onClick={() => sync.mutate({})}
      >
        立即同步
      </Button>
    </Tooltip>
  );
}
