import type { Session } from '@shared/api';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApiClient } from '../api';

/** What one user saw must not show to the next: drop everything but the terminal's own status. */
function forgetUserData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'system.status' });
  void queryClient.invalidateQueries({ queryKey: ['system.status'] });
}

export function useSessionActions() {
  const client = useApiClient();
  const queryClient = useQueryClient();

  const signedIn = useCallback(
    (session: Session) => {
      // Every user starts at the 工作台, not on the page the previous user left open. The shell's
      // router is made when the session below shows the shell, and starts from this address.
      window.history.replaceState(window.history.state, '', '#/');
      forgetUserData(queryClient);
      client.session.signedIn(session);
    },
    [client, queryClient],
  );

  /** Sign-out and 切换用户 are the same on a shared PC: end the session, back to sign-in. */
  const signOut = useCallback(
    async (notice?: string) => {
      // The backend may already have ended the session; signing out locally must happen regardless.
      await client.call('auth.signOut', {});
      client.session.signedOut(notice);
      forgetUserData(queryClient);
    },
    [client, queryClient],
  );

  return { signedIn, signOut };
}
