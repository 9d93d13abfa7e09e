export { createApiClient, type ApiClient } from './client';
export { ApiClientProvider, useApiClient, useSessionState } from './context';
export { ApiCallError } from './errors';
export { apiKey, useApiMutation, useApiQuery } from './hooks';
export { createQueryClient } from './query-client';
export type { ClientSession } from './session-store';
