import { createContext, use, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from './client';
import type { SessionState } from './session-store';

const ApiClientContext = createContext<ApiClient | null>(null);

export function ApiClientProvider({
  client,
  children,
}: {
  client: ApiClient;
  children: ReactNode;
}) {
  return <ApiClientContext value={client}>{children}</ApiClientContext>;
}

export function useApiClient(): ApiClient {
  const client = use(ApiClientContext);
  if (!client) throw new Error('useApiClient outside ApiClientProvider');
  return client;
}

export function useSessionState(): SessionState {
  const { session } = useApiClient();
  return useSyncExternalStore(session.subscribe, session.get);
}
