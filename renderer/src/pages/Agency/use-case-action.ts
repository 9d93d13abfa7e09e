import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';

/** Every list and page that shows a case's state, refreshed after the agent or the township acts. */
export function useRefreshCases() {
  const queryClient = useQueryClient();
  return () => {
    for (const method of ['cases.list', 'cases.get', 'cases.dashboard'] as const) {
      void queryClient.invalidateQueries({ queryKey: apiKey(method) });
    }
  };
}

/** 移交乡镇: the agent sends the case to the township, where it waits as 待接收. */
export function useHandOver() {
  const refresh = useRefreshCases();
  return useApiMutation('cases.transition', {
    onSuccess: (detail) => {
      notifications.show({
        color: 'teal',
        message: `${detail.caseNo} 已移交${detail.orgUnitName}，等待乡镇（街道）接收`,
      });
      refresh();
    },
  });
}
