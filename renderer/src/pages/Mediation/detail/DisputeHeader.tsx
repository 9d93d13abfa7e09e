import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DisputeDetail } from '@shared/api';
import { DISPUTE_SOURCE_LABELS, OUTCOME_LABELS } from '@shared/domain/mediation/vocabulary';
import { DeadlineText, DisputeStateBadge, RiskBadge } from '../../../components/DisputeStatus';
import { RecordSyncBadge } from '../../../components/SyncStatus';
import {
  referenceLabel,
  useMediationReference,
  useDisputeTypes,
} from '../../../lib/mediation-reference';
import { formatFen } from '../../../lib/money';
import { formatDateTime } from '../../../lib/time';
import { DisputeActions } from './DisputeActions';
import { Fact, Facts } from './Facts';

function Clock({ dispute }: { dispute: DisputeDetail }) {
  if (!dispute.clock || dispute.deadline === 'none') {
    return dispute.concludedOn ? (
      <>
        {dispute.outcome ? OUTCOME_LABELS[dispute.outcome] : '已结束'}（{dispute.concludedOn}）
      </>
    ) : (
      <>未开始计算（受理后一个月）</>
    );
  }
  return (
    <>
      <DeadlineText
        deadline={dispute.clock.status}
        dueDate={dispute.clock.dueDate}
        daysLeft={dispute.clock.daysLeft}
      />
      {dispute.clock.extended ? (
        <Text span size="xs" c="dimmed">
          {' '}
          已延期
        </Text>
      ) : null}
    </>
  );
}

/** The next visit still to be made after an agreement, if any. */
function nextVisit(dispute: DisputeDetail) {
  return dispute.followUps
    .filter((visit) => visit.state === 'due')
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
}

/** What a mediator reads first: number, state, type, risk, the one-month clock and the next visit. */
export function DisputeHeader({ dispute }: { dispute: DisputeDetail }) {
  const disputeTypes = useDisputeTypes();
  const reference = useMediationReference();
  const clock = dispute.clock;
  const visit = nextVisit(dispute);
  const visitDue = visit?.deadline && visit.deadline.daysLeft <= 0 ? visit.deadline : null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="案件概况">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6}>
            <Title order={2}>{dispute.caseNo}</Title>
            <Group gap="xs">
              <DisputeStateBadge state={dispute.state} />
              <Text size="sm" fw={500}>
                {disputeTypes.label(dispute.type)}纠纷
              </Text>
              <RiskBadge level={dispute.riskLevel} />
              <RecordSyncBadge root="disputes" id={dispute.id} />
              <Text size="sm" c="dimmed">
                {dispute.partyNames}
              </Text>
            </Group>
          </Stack>
          <DisputeActions dispute={dispute} />
        </Group>
        {clock && clock.status !== 'ok' && dispute.deadline !== 'none' ? (
          <Alert
            color={clock.status === 'overdue' ? 'red' : 'orange'}
            title={clock.status === 'overdue' ? '已超过调解期限' : '调解期限即将届满'}
          >
            {clock.status === 'overdue'
              ? `本案应于 ${clock.dueDate} 前调结，已超期 ${-clock.daysLeft} 天。`
              : `本案应于 ${clock.dueDate} 前调结，还剩 ${clock.daysLeft} 天。`}
            {/* A unit that passed the case up only reads it: what to do is for the unit that has it. */}
            {dispute.canWrite
              ? clock.status === 'overdue'
                ? '请尽快结案，或经各方当事人同意后延长期限。'
                : '如需延长，须经各方当事人同意。'
              : null}
          </Alert>
        ) : null}
        {visitDue ? (
          <Alert color={visitDue.status === 'overdue' ? 'red' : 'orange'} title="回访已到期">
            {visitDue.daysLeft < 0
              ? `应于 ${visitDue.dueDate} 前回访，已超期 ${-visitDue.daysLeft} 天。`
              : `今天（${visitDue.dueDate}）应回访当事人。`}
            {dispute.canWrite ? '请了解协议履行情况和当事人满意度，并记录回访。' : null}
          </Alert>
        ) : null}
        {dispute.eventReports.map((report) => (
          <Alert key={report.id} color="red" variant="light" title="已向上级报送事件报告">
            {report.title}，报送{report.receivingOrgName}（{formatDateTime(report.reportedAt)}），
            {report.acknowledged ? '对方已签收' : '对方尚未签收'}
          </Alert>
        ))}
        <Facts>
          <Fact label="纠纷来源">
            {DISPUTE_SOURCE_LABELS[dispute.source]}
            {dispute.transferOrigin
              ? `（${referenceLabel(reference.data?.transferOrigins, dispute.transferOrigin)}）`
              : ''}
          </Fact>
          <Fact label="登记日期">{dispute.registeredOn}</Fact>
          <Fact label="受理日期">{dispute.acceptedOn ?? '尚未受理'}</Fact>
          <Fact label="调解期限">
            <Clock dispute={dispute} />
          </Fact>
          <Fact label="发生日期">{dispute.occurredOn ?? '—'}</Fact>
          <Fact label="发生地点">{dispute.place ?? '—'}</Fact>
          <Fact label="涉及金额">{formatFen(dispute.amountFen)}</Fact>
          <Fact label="涉及人数">
            {dispute.peopleInvolved === null ? '—' : `${dispute.peopleInvolved} 人`}
          </Fact>
          <Fact label="承办调委会">{dispute.ownerOrgName}</Fact>
          <Fact label="主持调解员">{dispute.leadMediatorName ?? '尚未指派'}</Fact>
          {visit ? (
            <Fact label="下次回访">
              <DeadlineText
                deadline={visit.deadline?.status ?? 'ok'}
                dueDate={visit.dueOn}
                daysLeft={visit.deadline?.daysLeft}
              />
            </Fact>
          ) : null}
          {dispute.registeredOrgId !== dispute.ownerOrgId ? (
            <Fact label="登记单位">{dispute.registeredOrgName}</Fact>
          ) : null}
          {dispute.officialNo ? <Fact label="正式编号">{dispute.officialNo}</Fact> : null}
        </Facts>
        <Fact label="纠纷简要情况">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {dispute.summary}
          </Text>
        </Fact>
        {dispute.rejectReason ? (
          <Alert color="gray" title="不予受理">
            {dispute.rejectReason}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
