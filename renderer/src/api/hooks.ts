import type { MethodInput, MethodName, MethodOutput } from '@shared/api';
import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useApiClient } from './context';
import { unwrap, type ApiCallError } from './errors';

type QueryOptions<M extends MethodName> = Omit<
  UseQueryOptions<MethodOutput<M>, ApiCallError>,
  'queryKey' | 'queryFn'
>;

/** The query key of a method call: its name first, so one method's queries can be invalidated together. */
export function apiKey<M extends MethodName>(method: M, input?: MethodInput<M>) {
  return input === undefined ? [method] : [method, input];
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options?: QueryOptions<M>,
) {
  const client = useApiClient();
  return useQuery<MethodOutput<M>, ApiCallError>({
    queryKey: apiKey(method, input),
    queryFn: async () => unwrap(await client.call(method, input)),
    ...options,
  });
}

type MutationOptions<M extends MethodName> = Omit<
  UseMutationOptions<MethodOutput<M>, ApiCallError, MethodInput<M>>,
  'mutationFn'
>;

/** Failures are shown as notifications by the query client unless `meta.errorShownInline` is set. */
export function useApiMutation<M extends MethodName>(method: M, options?: MutationOptions<M>) {
  const client = useApiClient();
  return useMutation<MethodOutput<M>, ApiCallError, MethodInput<M>>({
    mutationFn: async (input) => unwrap(await client.call(method, input)),
    ...options,
  });
}
