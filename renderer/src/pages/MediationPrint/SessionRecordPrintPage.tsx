import type { MethodOutput } from '@shared/api';
import { chineseNumeral } from '@shared/domain/mediation/chinese-numbers';
import { useParams } from 'react-router';
import { formatPaperDate, PaperHeading, PaperRow, PaperTable, PrintPage, Sheet } from '../../print';
import { Clause, SealBlock, SignatureBlock, SignLine } from './paper-parts';
import { useCountedPrint } from './use-counted-print';

type SessionPaper = MethodOutput<'mediation.printSessionRecord'>;

function SessionSheet({ paper }: { paper: SessionPaper }) {
  return (
    <Sheet label={paper.title}>
      <PaperHeading title={paper.title} number={paper.caseNo} />
      <PaperTable>
        <PaperRow label="调解次数">第{chineseNumeral(paper.number)}次调解</PaperRow>
        <PaperRow label="调解时间">{formatPaperDate(paper.heldOn)}</PaperRow>
        <PaperRow label="调解地点">{paper.place}</PaperRow>
        <PaperRow label="调解员">{paper.mediatorNames.join('、')}</PaperRow>
        <PaperRow label="记录人">{paper.recorderName ?? ''}</PaperRow>
        <PaperRow label="到场人员">{paper.attendees.join('、')}</PaperRow>
      </PaperTable>
      {paper.statements.map((statement) => (
        <Clause
          key={`${statement.roleLabel}${statement.name}`}
          label={`${statement.roleLabel}${statement.name}陈述`}
        >
          {statement.text}
        </Clause>
      ))}
      {paper.result ? <Clause label="调解情况">{paper.result}</Clause> : null}
      <Clause label="调解结果">
        {paper.agreed ? '各方当事人达成一致意见' : '各方当事人未达成一致意见'}
      </Clause>
      <SignatureBlock>
        <Clause label="以上记录经当事人核对无误">当事人签名或按指印</Clause>
        {paper.signatureLines.map((line) => (
          <SignLine
            key={`${line.roleLabel}${line.name}`}
            label={`${line.roleLabel}${line.name}（签名或按指印）`}
          />
        ))}
        <SignLine label={`人民调解员 ${paper.mediatorNames.join('、')}（签名）`} />
        <SignLine label={`记录人${paper.recorderName ? ` ${paper.recorderName}` : ''}（签名）`} />
      </SignatureBlock>
      <SealBlock lines={[paper.committeeName, formatPaperDate(paper.heldOn)]} />
    </Sheet>
  );
}

/** 调解笔录 of one session, read back to and signed by the parties. */
export function SessionRecordPrintPage() {
  const { sessionId = '' } = useParams();
  const paper = useCountedPrint('mediation.printSessionRecord', { sessionId });
  return (
    <PrintPage
      title={paper.data ? `调解笔录-${paper.data.caseNo}-第${paper.data.number}次` : '调解笔录'}
      onPrint={paper.onPrint}
      loading={paper.loading}
      error={paper.error}
    >
      {paper.data ? <SessionSheet paper={paper.data} /> : null}
    </PrintPage>
  );
}
