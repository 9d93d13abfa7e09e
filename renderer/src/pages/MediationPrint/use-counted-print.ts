import type { MethodInput, MethodName } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';

type PrintMethod = Extract<MethodName, `mediation.print${string}`>;
type PrintedDocument = MethodInput<'mediation.recordPrint'>['document'];

const DOCUMENTS: Record<PrintMethod, PrintedDocument> = {
  'mediation.printNotice': 'notice',
  'mediation.printSessionRecord': 'sessionRecord',
  'mediation.printAgreement': 'agreement',
  'mediation.printJudicialCover': 'judicialCover',
  'mediation.printFollowUp': 'followUp',
};

/** The record a paper is of, as mediation.recordPrint names it. */
function recordId(input: { disputeId: string } | { sessionId: string } | { followUpId: string }) {
  if ('sessionId' in input) return input.sessionId;
  if ('followUpId' in input) return input.followUpId;
  return input.disputeId;
}

/**
 * The data of one paper, and the 打印 button's count. Opening the view only shows the paper; each
 * press of 打印 (reprints too) is counted and audited through mediation.recordPrint before the paper
 * comes out. The data is fetched once: opening the agreement is audited, so nothing is refetched
 * behind the person's back.
 */
export function useCountedPrint<M extends PrintMethod>(method: M, input: MethodInput<M>) {
  const queryClient = useQueryClient();
  const query = useApiQuery(method, input, {
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const record = useApiMutation('mediation.recordPrint', {
    // PrintPage says 未能打印 with the reason; no second notification.
    meta: { errorShownInline: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKey('mediation.get') }),
  });
  async function onPrint() {
    await record.mutateAsync({ document: DOCUMENTS[method], id: recordId(input) });
  }
  return {
    data: query.data,
    loading: query.isPending,
    error: query.isError ? query.error.message : null,
    onPrint,
  };
}
