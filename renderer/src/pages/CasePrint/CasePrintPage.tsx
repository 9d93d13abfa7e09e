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

const MISSING_PHONE =
  '窗口电话未设置：文书上“窗口电话”一栏将是空白，群众无法来电查询。请系统管理员在“系统设置”中填写窗口联系电话。';

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
      warnings={paper.counter && !paper.counter.phone ? [MISSING_PHONE] : []}
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
