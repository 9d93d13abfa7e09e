import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';

type CaseMethod = 'cases.transition' | 'cases.handOut' | 'cases.receive' | 'cases.supplement';

/**
 * A workflow call that answers with the whole case: the detail on screen becomes that answer at
 * once, and the lists and the 工作台 that show the case are fetched again.
 */
export function useCaseMutation<M extends CaseMethod>(method: M, done: string) {
  const queryClient = useQueryClient();
  return useApiMutation(method, {
    meta: { errorShownInline: true },
    onSuccess: (detail) => {
      queryClient.setQueryData(apiKey('cases.get', { caseId: detail.id }), detail);
      for (const list of ['cases.list', 'cases.dashboard', 'cases.ofResident'] as const) {
        void queryClient.invalidateQueries({ queryKey: apiKey(list) });
      }
      notifications.show({ color: 'teal', message: done });
    },
  });
}
