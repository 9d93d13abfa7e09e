import type { MethodInput, MethodName } from '@shared/api';
import { useRef } from 'react';
import { useApiQuery } from '../../api';

type PrintMethod = Extract<MethodName, `mediation.print${string}`>;

/**
 * The data of one paper. Every call of a mediation.print* method counts and audits a print, so the
 * data is fetched once on opening (the first print) and again for each further press of 打印;
 * nothing is refetched behind the person's back.
 */
export function useCountedPrint<M extends PrintMethod>(method: M, input: MethodInput<M>) {
  const query = useApiQuery(method, input, {
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const firstUsed = useRef(false);
  async function onPrint() {
    if (!firstUsed.current) {
      firstUsed.current = true;
      return;
    }
    const again = await query.refetch();
    if (again.isError) throw again.error;
  }
  return {
    data: query.data,
    loading: query.isPending,
    error: query.isError ? query.error.message : null,
    onPrint,
  };
}
