import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiCallError, isSessionProblem } from './errors';
import { apiKey } from './hooks';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The form shows this failure itself (sign-in, unlock), so no notification as well. */
      errorShownInline?: boolean;
    };
    queryMeta: {
      /** The page shows this failure itself (a search box's message), so no notification as well. */
      errorShownInline?: boolean;
    };
  }
}

function notifyError(error: unknown) {
  if (isSessionProblem(error)) return;
  notifications.show({
    color: 'red',
    title: '操作未完成',
    message: error instanceof ApiCallError ? error.message : '发生了意外错误，请重试或联系管理员',
  });
}

/**
 * The backend checks a big database in the background after start and may find it damaged while
 * the app is in use: the first call refused for that reloads the status, which puts the recovery
 * screen up in place of the page.
 */
function showRecoveryIfDamaged(client: QueryClient, error: unknown): boolean {
  if (!(error instanceof ApiCallError)) return false;
  // A damaged search index is told as usual; the status it reloads offers the rebuild (备份与恢复).
  if (error.code === 'SEARCH_INDEX_DAMAGED') {
    void client.invalidateQueries({ queryKey: apiKey('system.status') });
    return false;
  }
  if (error.code !== 'DATABASE_DAMAGED') return false;
  void client.invalidateQueries({ queryKey: apiKey('system.status') });
  return true;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (showRecoveryIfDamaged(client, error)) return;
        if (!query.meta?.errorShownInline) notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => {
        if (showRecoveryIfDamaged(client, error)) return;
        if (!mutation.meta?.errorShownInline) notifyError(error);
      },
    }),
    defaultOptions: {
      // The backend is local and its refusals are deliberate: retrying would only repeat them.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
