import type { MethodOutput } from '@shared/api';
import { useParams } from 'react-router';
import { formatPaperDate, PaperHeading, PaperRow, PaperTable, PrintPage, Sheet } from '../../print';
import { SealBlock, SignatureBlock, SignLine } from './paper-parts';
import { useCountedPrint } from './use-counted-print';

type FollowUpPaper = MethodOutput<'mediation.printFollowUp'>;

function renewedText(renewed: boolean | null): string {
  if (renewed === null) return '□ 是    □ 否';
  return renewed ? '是，矛盾出现反复' : '否';
}

/** Blank for a visit still to be made: the visitor fills it in by hand. */
function FollowUpSheet({ paper }: { paper: FollowUpPaper }) {
  return (
    <Sheet label={paper.title}>
      <PaperHeading title={paper.title} number={paper.caseNo} />
      <PaperTable>
        <PaperRow label="调解组织">{paper.committeeName}</PaperRow>
        <PaperRow label="当事人">
          {paper.parties.map((party) => `${party.roleLabel}${party.name}`).join('；')}
        </PaperRow>
        <PaperRow label="协议日期">{formatPaperDate(paper.agreedOn)}</PaperRow>
        <PaperRow label="协议履行事项">
          {paper.obligations.length > 0
            ? paper.obligations.map((obligation) => <div key={obligation}>{obligation}</div>)
            : '口头协议或无需履行的事项'}
        </PaperRow>
        <PaperRow label="应回访日期">{formatPaperDate(paper.dueOn)}</PaperRow>
        <PaperRow label="回访日期">{formatPaperDate(paper.visitedOn)}</PaperRow>
        <PaperRow label="回访方式">{paper.methodLabel ?? ''}</PaperRow>
        <PaperRow label="回访人">{paper.visitorName ?? ''}</PaperRow>
        <PaperRow label="履行情况">{paper.performanceLabel ?? ''}</PaperRow>
        <PaperRow label="当事人满意度">{paper.satisfactionLabel ?? ''}</PaperRow>
        <PaperRow label="矛盾是否反复">{renewedText(paper.renewedConflict)}</PaperRow>
        <PaperRow label="回访情况">
          <div style={{ minHeight: '30mm', whiteSpace: 'pre-wrap' }}>{paper.note ?? ''}</div>
        </PaperRow>
      </PaperTable>
      <SignatureBlock>
        <SignLine label="回访人（签名）" />
        <SignLine label="被回访当事人（签名或按指印）" />
      </SignatureBlock>
      <SealBlock lines={[`${paper.committeeName}（印章）`, formatPaperDate(paper.visitedOn)]} />
    </Sheet>
  );
}

/** 回访记录 of one visit. */
export function FollowUpPrintPage() {
  const { followUpId = '' } = useParams();
  const paper = useCountedPrint('mediation.printFollowUp', { followUpId });
  return (
    <PrintPage
      title={paper.data ? `回访记录-${paper.data.caseNo}` : '回访记录'}
      onPrint={paper.onPrint}
      loading={paper.loading}
      error={paper.error}
    >
      {paper.data ? <FollowUpSheet paper={paper.data} /> : null}
    </PrintPage>
  );
}
