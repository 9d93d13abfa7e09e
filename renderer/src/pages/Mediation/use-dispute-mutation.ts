import { notifications } from '@mantine/notifications';
import type { DisputeDetail, MethodName, MethodOutput } from '@shared/api';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';

/** The methods that answer with the case file as it now stands. */
type DisputeMethod = {
  [M in MethodName]: MethodOutput<M> extends DisputeDetail ? M : never;
}[MethodName];

/**
 * Everything a change to one case may have moved: its file, the lists, the 工作台, the loads, the
 * event reports, the 调解统计, and the disputes on its parties' 一人一档 pages.
 */
export function refreshDisputeViews(queryClient: QueryClient, dispute: DisputeDetail) {
  queryClient.setQueryData(apiKey('mediation.get', { disputeId: dispute.id }), dispute);
  for (const method of [
    'mediation.list',
    'mediation.dashboard',
    // Registering, concluding or closing a case moves the month's counts and success rate.
    'mediation.stats',
    'mediation.suggestMediators',
    'mediators.list',
    'mediation.riskFlags',
    // A case made or marked 重大 files an event report with the level above.
    'eventReports.list',
    // A party added, or the case's state or outcome changed, shows on the resident's page.
    'mediation.ofResident',
  ] as const) {
    void queryClient.invalidateQueries({ queryKey: apiKey(method) });
  }
}

interface Options {
  /** Said in a green notification once done; none when the screen shows it itself. */
  done?: string;
  /** The form puts the backend's message by its fields: no red notification as well. */
  inline?: boolean;
}

/** A change to one dispute: refreshes what it moved and says what it did. */
export function useDisputeMutation<M extends DisputeMethod>(method: M, options: Options = {}) {
  const queryClient = useQueryClient();
  return useApiMutation(method, {
    meta: { errorShownInline: options.inline ?? false },
    onSuccess: (dispute) => {
      refreshDisputeViews(queryClient, dispute as DisputeDetail);
      if (options.done) notifications.show({ color: 'teal', message: options.done });
    },
  });
}
