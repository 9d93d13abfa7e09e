import { useCallback } from 'react';
import { useApiClient } from '../../api';

/** Locks at once on screen, then tells the backend, which refuses the session's calls until unlock. */
export function useLockScreen() {
  const client = useApiClient();
  return useCallback(() => {
    client.session.setLocked(true);
    void client.call('auth.lock', {});
  }, [client]);
}
