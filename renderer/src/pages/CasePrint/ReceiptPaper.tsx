import { serviceCentreName } from '@shared/domain/paper/wording';
import {
  formatPaperDate,
  PaperClosing,
  PaperHeading,
  PaperParagraph,
  PaperRow,
  PaperTable,
} from '../../print';
import { formatFee } from '../../lib/money';
import {
  Addressee,
  ApplicantRows,
  CounterRows,
  MaterialTable,
  receivedMaterials,
  type CasePaperProps,
} from './paper-parts';
import { actorInto } from './printable';

function promise(detail: CasePaperProps['detail']): string {
  if (detail.itemType === 'instant') {
    return detail.completedDate
      ? `即办件，已于${formatPaperDate(detail.completedDate)}当场办结`
      : '即办件，当场办结';
  }
  return `${formatPaperDate(detail.dueDate)}前办结（${detail.promisedDays} 个工作日）`;
}

/** 受理回执: the application is complete and accepted; the resident keeps it until the result. */
export function ReceiptPaper({ detail, counter }: CasePaperProps) {
  const accepted = formatPaperDate(detail.acceptedDate);
  return (
    <>
      <PaperHeading title="受理回执" number={detail.caseNo} />
      <Addressee name={detail.applicant.name} />
      <PaperParagraph>
        您申请办理的“{detail.itemName}”事项，申请材料齐全，符合受理条件，本中心已于{accepted}
        予以受理。
        {detail.itemType === 'instant'
          ? ''
          : `承诺于${formatPaperDate(detail.dueDate)}前办结，办结后将通知您领取结果。`}
      </PaperParagraph>
      <PaperTable>
        <PaperRow label="受理编号">{detail.caseNo}</PaperRow>
        <ApplicantRows detail={detail} />
        <PaperRow label="办理事项">
          {detail.itemName}（{detail.itemCode}）
        </PaperRow>
        <PaperRow label="责任部门">{detail.department}</PaperRow>
        <PaperRow label="受理日期">{accepted}</PaperRow>
        <PaperRow label="承诺办结日期">{promise(detail)}</PaperRow>
        <PaperRow label="收费标准">{formatFee(detail.feeFen)}</PaperRow>
        <CounterRows counter={counter} clerk={actorInto(detail, 'accepted')} />
      </PaperTable>
      <MaterialTable
        title="已收取的申请材料"
        kind="received"
        materials={receivedMaterials(detail)}
        empty="无。"
      />
      <PaperParagraph>
        请妥善保管本回执，凭本回执查询办理进度、领取办理结果。等待补正的时间不计入办理时限。
      </PaperParagraph>
      <PaperClosing
        signatures={['申请人（签名）', '受理人（签名）']}
        unit={serviceCentreName(detail.orgUnitName)}
        date={detail.acceptedAt}
      />
    </>
  );
}
