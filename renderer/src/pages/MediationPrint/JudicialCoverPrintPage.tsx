import type { MethodOutput } from '@shared/api';
import { useParams } from 'react-router';
import { formatPaperDate, PaperHeading, PaperRow, PaperTable, PrintPage, Sheet } from '../../print';
import { todayIso } from '../../lib/time';
import { NumberedList, SealBlock, SubHeading } from './paper-parts';
import { useCountedPrint } from './use-counted-print';
import classes from './judicial-cover.module.css';

type CoverPaper = MethodOutput<'mediation.printJudicialCover'>;

function CoverSheet({ paper }: { paper: CoverPaper }) {
  return (
    <Sheet label={paper.title}>
      <PaperHeading title={paper.title} number={paper.caseNo} />
      <PaperTable>
        <PaperRow label="调解组织">{paper.committeeName}</PaperRow>
        <PaperRow label="当事人">
          {paper.parties.map((party) => `${party.roleLabel}${party.name}`).join('；')}
        </PaperRow>
        <PaperRow label="协议签订日期">{formatPaperDate(paper.agreedOn)}</PaperRow>
        <PaperRow label="协议生效日期">{formatPaperDate(paper.effectiveOn)}</PaperRow>
        <PaperRow label="申请截止日期">
          {formatPaperDate(paper.lastDay)}
          {paper.daysLeft >= 0 ? `（尚余${paper.daysLeft}日）` : '（已超过申请期限）'}
        </PaperRow>
        <PaperRow label="受理法院">{paper.court ?? ''}</PaperRow>
      </PaperTable>
      <SubHeading>申请须知</SubHeading>
      <NumberedList items={paper.remarks} />
      <SubHeading>应携带的材料</SubHeading>
      <table className={classes.materials}>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">材料名称</th>
            <th scope="col">份数</th>
            <th scope="col">已备</th>
          </tr>
        </thead>
        <tbody>
          {paper.materials.map((material, index) => (
            <tr key={material.name}>
              <td>{index + 1}</td>
              <td>
                {material.name}
                {material.note ? <span className={classes.note}>{material.note}</span> : null}
              </td>
              <td>{material.copies}</td>
              <td>□</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SealBlock lines={[`${paper.committeeName}（印章）`, formatPaperDate(todayIso())]} />
    </Sheet>
  );
}

/** 司法确认申请材料清单: the cover sheet the parties take to court with the agreement. */
export function JudicialCoverPrintPage() {
  const { id = '' } = useParams();
  const paper = useCountedPrint('mediation.printJudicialCover', { disputeId: id });
  return (
    <PrintPage
      title={paper.data ? `司法确认申请材料清单-${paper.data.caseNo}` : '司法确认申请材料清单'}
      onPrint={paper.onPrint}
      loading={paper.loading}
      error={paper.error}
    >
      {paper.data ? <CoverSheet paper={paper.data} /> : null}
    </PrintPage>
  );
}
