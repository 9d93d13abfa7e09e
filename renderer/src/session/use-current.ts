import type { SystemStatus, User } from '@shared/api';
import { useApiQuery, useSessionState } from '../api';

/** For pages inside the app shell, which the gate renders only with a session. */
export function useCurrentUser(): User {
  const { session } = useSessionState();
  if (!session) throw new Error('useCurrentUser outside a session');
  return session.user;
}

/** For pages inside the app shell, which the gate renders only once the status has loaded. */
export function useSystemStatus(): SystemStatus {
  const { data } = useApiQuery('system.status', {});
  if (!data) throw new Error('useSystemStatus before the status loaded');
  return data;
}
