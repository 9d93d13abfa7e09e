import { asClause, serviceCentreName } from '@shared/domain/paper/wording';
import {
  formatPaperDate,
  PaperClosing,
  PaperHeading,
  PaperParagraph,
  PaperRow,
  PaperTable,
} from '../../print';
import { Addressee, ApplicantRows, CounterRows, type CasePaperProps } from './paper-parts';
import { actorInto } from './printable';

/**
 * 不予受理通知书: why the application is not taken here, and where the resident should go, or, for
 * an applicant who does not qualify, that they may apply again once they do.
 */
export function RejectionPaper({ detail, counter }: CasePaperProps) {
  const at = detail.events.findLast((event) => event.toState === 'rejected')?.at ?? null;
  // Empty when the applicant does not qualify anywhere: there is no place to send them.
  const redirectTo = asClause(detail.redirectTo ?? '');
  return (
    <>
      <PaperHeading title="不予受理通知书" number={detail.caseNo} />
      <Addressee name={detail.applicant.name} />
      <PaperParagraph>
        您于{formatPaperDate(detail.createdAt)}申请办理“{detail.itemName}
        ”事项。经审查，{asClause(detail.rejectReason ?? '')}。本中心决定不予受理。
        {redirectTo
          ? `请到${redirectTo}办理。`
          : '您如今后情况发生变化、符合办理条件，可以再次提出申请。'}
      </PaperParagraph>
      <PaperTable>
        <PaperRow label="通知编号">{detail.caseNo}</PaperRow>
        <ApplicantRows detail={detail} />
        <PaperRow label="申请事项">
          {detail.itemName}（{detail.itemCode}）
        </PaperRow>
        <PaperRow label="不予受理理由">{detail.rejectReason ?? '—'}</PaperRow>
        {redirectTo ? <PaperRow label="建议办理机构">{redirectTo}</PaperRow> : null}
        <CounterRows counter={counter} clerk={actorInto(detail, 'rejected')} />
      </PaperTable>
      <PaperParagraph>
        如对本决定有异议，可以向本中心咨询，也可以依法申请行政复议或者提起行政诉讼。
      </PaperParagraph>
      <PaperClosing
        signatures={['申请人（签收）', '经办人（签名）']}
        unit={serviceCentreName(detail.orgUnitName)}
        date={at}
      />
    </>
  );
}
