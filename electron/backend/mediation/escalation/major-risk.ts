import type { Transaction } from 'kysely';
import type { ChangeStamp } from '../../core/changes';
import type { Database, DisputesTable } from '../../db/schema';
import { fileEventReport } from '../../event-reports/service';
import { loadMediationLists } from '../dispute/lists-cache';
import { referenceLabel } from '../dispute/reference';

interface ImmediateReport {
  eventReportId: string;
  receivingOrgId: string;
  receivingOrgName: string;
  message: string;
}

/**
 * 重大 asks for an immediate report: an event report to the level above, filed in the same
 * transaction as the case, so that a major dispute can never be on file without it.
 */
export async function reportMajorRisk(
  trx: Transaction<Database>,
  stamp: ChangeStamp,
  dispute: Pick<
    DisputesTable,
    | 'id'
    | 'case_no'
    | 'org_unit_id'
    | 'type'
    | 'summary'
    | 'occurred_on'
    | 'place'
    | 'party_names'
    | 'people_involved'
  >,
  reporterName: string,
): Promise<ImmediateReport> {
  // Named as the county's edition names it, read in the case's transaction.
  const { disputeTypes } = await loadMediationLists(trx);
  const filed = await fileEventReport(trx, stamp, {
    fromOrgId: dispute.org_unit_id,
    category: 'major_information',
    urgency: 'critical',
    title: `重大矛盾纠纷：${dispute.case_no}`,
    description: `${referenceLabel(disputeTypes.types, dispute.type)}纠纷，当事人：${dispute.party_names}。${dispute.summary}`,
    occurredOn: dispute.occurred_on,
    place: dispute.place,
    peopleInvolved: dispute.people_involved,
    reporterName,
    disputeId: dispute.id,
  });
  return {
    eventReportId: filed.id,
    receivingOrgId: filed.receivingOrgId,
    receivingOrgName: filed.receivingOrgName,
    message:
      filed.receivingOrgId === dispute.org_unit_id
        ? `风险等级为重大，已生成事件报告，由本单位（${filed.receivingOrgName}）负责人签收`
        : `风险等级为重大，已自动向${filed.receivingOrgName}报送事件报告`,
  };
}
