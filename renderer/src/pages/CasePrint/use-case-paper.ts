import { useApiMutation, useApiQuery } from '../../api';
import type { CounterInfo } from './paper-parts';
import type { CaseDocument } from './paths';
import { printProblem } from './printable';

/** The case behind a paper, the counter's contact, and the counted print (print.record). */
export function useCasePaper(caseId: string, document: CaseDocument) {
  const detail = useApiQuery('cases.get', { caseId });
  const settings = useApiQuery('settings.get', {});
  const record = useApiMutation('print.record', { meta: { errorShownInline: true } });
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
