import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';

type UserMethod =
  | 'users.create'
  | 'users.update'
  | 'users.setDisabled'
  | 'users.resetPassword'
  | 'users.unlock'
  | 'users.delete';

/** A user-changing call that refreshes the list and says what it did. */
export function useUserMutation<M extends UserMethod>(method: M, done: string) {
  const queryClient = useQueryClient();
  return useApiMutation(method, {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: done });
      void queryClient.invalidateQueries({ queryKey: apiKey('users.list') });
      // A 调解员 created or changed may have joined the committee's roster.
      void queryClient.invalidateQueries({ queryKey: apiKey('mediators.list') });
    },
  });
}
