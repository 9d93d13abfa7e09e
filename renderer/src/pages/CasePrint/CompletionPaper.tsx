import { serviceCentreName } from '@shared/domain/paper/wording';
import {
  formatPaperDate,
  PaperClosing,
  PaperHeading,
  PaperParagraph,
  PaperRow,
  PaperTable,
} from '../../print';
import { Addressee, ApplicantRows, CounterRows, type CasePaperProps } from './paper-parts';
import { completedOnTime } from './printable';

const ON_TIME_TEXT = { true: '按期办结', false: '超期办结' } as const;

/** 办结通知: the case is done; the resident comes to the counter for the result. */
export function CompletionPaper({ detail, counter }: CasePaperProps) {
  const onTime = completedOnTime(detail);
  return (
    <>
      <PaperHeading title="办结通知" number={detail.caseNo} />
      <Addressee name={detail.applicant.name} />
      <PaperParagraph>
        您于{formatPaperDate(detail.acceptedDate)}申请办理的“{detail.itemName}
        ”事项（受理编号 {detail.caseNo}），已于{formatPaperDate(detail.completedDate)}
        办结。请携带本通知和本人有效身份证件到{counter.name}领取办理结果。
      </PaperParagraph>
      <PaperTable>
        <PaperRow label="受理编号">{detail.caseNo}</PaperRow>
        <ApplicantRows detail={detail} />
        <PaperRow label="办理事项">
          {detail.itemName}（{detail.itemCode}）
        </PaperRow>
        <PaperRow label="受理日期">{formatPaperDate(detail.acceptedDate)}</PaperRow>
        <PaperRow label="承诺办结日期">
          {detail.itemType === 'instant' ? '即办件，当场办结' : formatPaperDate(detail.dueDate)}
        </PaperRow>
        <PaperRow label="办结日期">{formatPaperDate(detail.completedDate)}</PaperRow>
        <PaperRow label="是否按期">{onTime === null ? '—' : ON_TIME_TEXT[`${onTime}`]}</PaperRow>
        <PaperRow label="办理结果">{detail.resultNote ?? '已办结'}</PaperRow>
        <CounterRows counter={counter} clerk={detail.handlerName} />
      </PaperTable>
      <PaperClosing
        signatures={['领取人（签名）', '领取日期']}
        unit={serviceCentreName(detail.orgUnitName)}
        date={detail.completedAt}
      />
    </>
  );
}
