import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import type { CounterInfo } from './paper-parts';
import type { CaseDocument } from './paths';
import { printProblem } from './printable';

/** The case behind a paper, the counter's contact, and the counted print (print.record). */
export function useCasePaper(caseId: string, document: CaseDocument) {
  const queryClient = useQueryClient();
  const detail = useApiQuery('cases.get', { caseId });
  const settings = useApiQuery('settings.get', {});
  const record = useApiMutation('print.record', {
    meta: { errorShownInline: true },
    // The case page shows how often each paper was printed; the paper itself need not wait for it.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKey('cases.get', { caseId }) });
    },
  });
  const counter: CounterInfo | null = detail.data
    ? {
        name: detail.data.counterContact ?? detail.data.orgUnitName,
        phone: settings.data?.counterPhone ?? '',
      }
    : null;
  return {
    detail: detail.data,
    counter,
    loading: detail.isPending || settings.isPending,
    error: detail.error?.message ?? (detail.data ? printProblem(detail.data, document) : null),
    onPrint: () => record.mutateAsync({ caseId, document }),
  };
}
