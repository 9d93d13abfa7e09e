import { AGENCY_HANDOVER_WORKING_DAYS } from '@shared/domain/cases/deadline';
import { serviceCentreName } from '@shared/domain/paper/wording';
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
  MaterialTable,
  receivedMaterials,
  type CasePaperProps,
} from './paper-parts';

const BLANK = '\u3000'.repeat(8);

/**
 * 代办受理凭证: what the village agent took in for the resident, by whom, by when it goes to the
 * township, and whom to ask. The resident keeps it until the township's own receipt or notice.
 */
export function AgencyPaper({ detail, counter }: CasePaperProps) {
  const filed = formatPaperDate(detail.createdAt);
  const village = detail.agencyOrgName ?? '';
  // Named in full where the village's township is known: the resident knows where to go.
  const centre = detail.agencyTownshipName
    ? serviceCentreName(detail.agencyTownshipName)
    : '乡镇（街道）便民服务中心';
  const missing = detail.materials.filter((m) => m.required && m.status === 'missing');
  return (
    <>
      <PaperHeading title="代办受理凭证" number={detail.caseNo} />
      <Addressee name={detail.applicant.name} />
      <PaperParagraph>
        您委托{village}代办员{detail.agentName ?? ''}代为申请办理的“{detail.itemName}”事项，已于
        {filed}收取下列申请材料。代办员将于{formatPaperDate(detail.handoffDueDate)}前（收件后{' '}
        {AGENCY_HANDOVER_WORKING_DAYS} 个工作日内）将申请材料移交{centre}受理， 自受理之日起{' '}
        {detail.promisedDays} 个工作日内办结。
      </PaperParagraph>
      <PaperTable>
        <ApplicantRows detail={detail} />
        <PaperRow label="代办事项">
          {detail.itemName}（{detail.itemCode}）
        </PaperRow>
        <PaperRow label="代办员">
          {detail.agentName ?? BLANK}
          {village ? `（${village}）` : ''}
        </PaperRow>
        <PaperRow label="收件日期">{filed}</PaperRow>
        <PaperRow label="移交乡镇期限">{formatPaperDate(detail.handoffDueDate)}前</PaperRow>
        <PaperRow label="咨询电话">{counter.phone || BLANK}</PaperRow>
      </PaperTable>
      <MaterialTable
        title="已收取的申请材料"
        kind="received"
        materials={receivedMaterials(detail)}
        empty="无。"
      />
      {missing.length > 0 ? (
        <MaterialTable title="尚缺的必交材料" kind="missing" materials={missing} empty="无。" />
      ) : null}
      <PaperParagraph>
        请妥善保管本凭证。办理进度可向代办员{detail.agentName ?? ''}
        {counter.phone ? `或拨打 ${counter.phone} ` : ''}
        询问；{centre}受理后出具受理回执，材料不全的出具一次性告知单。
      </PaperParagraph>
      <PaperClosing
        signatures={['委托人（签名）', '代办员（签名）']}
        unit={village || detail.orgUnitName}
        date={detail.createdAt}
      />
    </>
  );
}
