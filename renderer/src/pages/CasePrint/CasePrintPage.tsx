import type { ComponentType } from 'react';
import { useParams } from 'react-router';
import { PrintPage, Sheet } from '../../print';
import { AgencyPaper } from './AgencyPaper';
import { CompletionPaper } from './CompletionPaper';
import { NoticePaper } from './NoticePaper';
import type { CasePaperProps } from './paper-parts';
import { CASE_DOCUMENT_TITLES, type CaseDocument } from './paths';
import { ReceiptPaper } from './ReceiptPaper';
import { RejectionPaper } from './RejectionPaper';
import { useCasePaper } from './use-case-paper';

const PAPERS: Record<CaseDocument, ComponentType<CasePaperProps>> = {
  receipt: ReceiptPaper,
  notice: NoticePaper,
  rejection: RejectionPaper,
  completion: CompletionPaper,
  agency: AgencyPaper,
};

/** One case paper on A4 with the print toolbar; 打印 is counted and audited before it prints. */
function CasePrintPage({ document }: { document: CaseDocument }) {
  const { id = '' } = useParams();
  const paper = useCasePaper(id, document);
  const name = CASE_DOCUMENT_TITLES[document];
  const Paper = PAPERS[document];
  return (
    <PrintPage
      title={paper.detail ? `${name}-${paper.detail.caseNo}` : name}
      onPrint={paper.onPrint}
      loading={paper.loading}
      error={paper.error}
    >
      {paper.detail && paper.counter && (
        <Sheet label={name}>
          <Paper detail={paper.detail} counter={paper.counter} />
        </Sheet>
      )}
    </PrintPage>
  );
}

export const ReceiptPrintPage = () => <CasePrintPage document="receipt" />;
export const NoticePrintPage = () => <CasePrintPage document="notice" />;
export const RejectionPrintPage = () => <CasePrintPage document="rejection" />;
export const CompletionPrintPage = () => <CasePrintPage document="completion" />;
export const AgencyPrintPage = () => <CasePrintPage document="agency" />;
