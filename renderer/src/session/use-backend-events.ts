import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from '../api';

/** Reacts to what the backend announces: a restored database ends every session, a restart refreshes. */
export function useBackendEvents() {
  const client = useApiClient();
  const queryClient = useQueryClient();

  useEffect(
    () =>
      client.onEvent((event) => {
        // The updater's progress is the update banner's business, not a reason to re-read every page.
        if (event.name === 'updates.progress') return;
        if (event.name === 'database.restored') {
          queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'system.status' });
          if (client.session.get().session) {
            client.session.signedOut('数据已从备份恢复，所有人需要重新登录');
          }
        }
        if (event.name === 'backend.restarted') {
          notifications.show({ color: 'yellow', message: '后台服务已重新启动，界面已刷新' });
        }
        void queryClient.invalidateQueries();
      }),
    [client, queryClient],
  );
}
