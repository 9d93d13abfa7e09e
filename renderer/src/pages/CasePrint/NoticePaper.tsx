import { serviceCentreName } from '@shared/domain/paper/wording';
import { missingRequired } from '@shared/domain/cases/checklist';
import {
  formatPaperDate,
  PaperClosing,
  PaperHeading,
  PaperParagraph,
  PaperRow,
  PaperTable,
} from '../../print';
import {
  Addressee,
  ApplicantRows,
  CounterRows,
  MaterialTable,
  receivedMaterials,
  type CasePaperProps,
} from './paper-parts';
import { actorInto } from './printable';

/** When the case last went to 待补正: the date the notice speaks for. */
function noticeTime(detail: CasePaperProps['detail']): string | null {
  return detail.events.findLast((event) => event.toState === 'pending_supplement')?.at ?? null;
}

/**
 * 一次性告知单: every required material still missing, at once, with what is required of it and
 * where to get it, so the resident comes back only once.
 */
export function NoticePaper({ detail, counter }: CasePaperProps) {
  const missing = missingRequired(detail.materials);
  const at = noticeTime(detail);
  return (
    <>
      <PaperHeading title="一次性告知单" number={detail.caseNo} />
      <Addressee name={detail.applicant.name} />
      <PaperParagraph>
        您于{formatPaperDate(detail.createdAt)}申请办理“{detail.itemName}
        ”事项。经审查，申请材料尚不齐全，现将需要补正的全部材料一次性告知如下。请补齐后携带本告知单到
        {counter.name}办理；等待补正的时间不计入办理时限。
      </PaperParagraph>
      <PaperTable>
        <PaperRow label="告知编号">{detail.caseNo}</PaperRow>
        <ApplicantRows detail={detail} />
        <PaperRow label="办理事项">
          {detail.itemName}（{detail.itemCode}）
        </PaperRow>
        <PaperRow label="告知日期">{formatPaperDate(at)}</PaperRow>
        <CounterRows counter={counter} clerk={actorInto(detail, 'pending_supplement')} />
      </PaperTable>
      <MaterialTable
        title="需要补正的材料"
        kind="missing"
        materials={missing}
        empty="所列材料均已补正齐全。"
      />
      <MaterialTable
        title="已收取的材料"
        kind="received"
        materials={receivedMaterials(detail)}
        empty="无。"
      />
      <PaperClosing
        signatures={['申请人（签收）', '经办人（签名）']}
        unit={serviceCentreName(detail.orgUnitName)}
        date={at}
      />
    </>
  );
}
