import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { REMEDY_ROUTE_LABELS, type AgreementView, type DisputeDetail } from '@shared/api';
import { OUTCOME_LABELS } from '@shared/domain/mediation/vocabulary';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatFen } from '../../../lib/money';
import { Fact, Facts } from '../detail/Facts';
import { PrintedTimes } from '../detail/PrintedTimes';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { ConcludeModal, type ConcludeKind } from './ConcludeModal';

function obligorName(dispute: DisputeDetail, partyId: string | null): string {
  return dispute.parties.find((party) => party.id === partyId)?.name ?? '（未指定义务人）';
}

function AgreementSummary({
  dispute,
  agreement,
}: {
  dispute: DisputeDetail;
  agreement: AgreementView;
}) {
  const signed = agreement.signedOn !== null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={signed ? 'teal' : 'yellow'} variant="light">
          {signed ? (agreement.form === 'oral' ? '口头协议' : '书面协议已签订') : '协议草稿'}
        </Badge>
        {agreement.form === 'written' && signed ? (
          <Text size="sm" c="dimmed">
            一式{agreement.copies}份
          </Text>
        ) : null}
      </Group>
      <Facts>
        <Fact label="协议日期">{agreement.agreedOn ?? '—'}</Fact>
        <Fact label="生效日期">{agreement.effectiveOn ?? '—'}</Fact>
        <Fact label="调解员">{agreement.mediators.join('、') || '—'}</Fact>
        <Fact label="记录人">{agreement.recorderName ?? '—'}</Fact>
      </Facts>
      {agreement.obligations.length > 0 ? (
        <Fact label="协议履行事项">
          <List size="sm" type="ordered">
            {agreement.obligations.map((obligation, index) => (
              <List.Item key={index}>
                {obligorName(dispute, obligation.obligorPartyId)}：{obligation.content || '—'}
                {obligation.amountFen !== null ? `，${formatFen(obligation.amountFen)}` : ''}
                {obligation.deadline ? `，${obligation.deadline}前` : ''}
                {obligation.method ? `，${obligation.method}` : ''}
                {obligation.place ? `，在${obligation.place}` : ''}
              </List.Item>
            ))}
          </List>
        </Fact>
      ) : null}
      {!signed && agreement.missing.length > 0 ? (
        <Alert color="yellow" title="签订前尚缺">
          {agreement.missing.map((field) => field.label).join('；')}
        </Alert>
      ) : null}
    </Stack>
  );
}

function OutcomeSectionBody({ dispute }: DisputeSectionProps) {
  const [concluding, setConcluding] = useState<ConcludeKind | null>(null);
  const can = (action: DisputeDetail['availableActions'][number]) =>
    dispute.canWrite && dispute.availableActions.includes(action);
  const agreement = dispute.agreement;
  const drafting = ['accepted', 'mediating'].includes(dispute.state) && dispute.canWrite;
  // Printed for signing once complete, and again afterwards for a lost copy.
  const printable =
    agreement?.form === 'written' && agreement.missing.length === 0 && dispute.canWrite;
  return (
    <SectionCard
      id="outcome"
      title="调解结果"
      actions={
        <>
          {drafting ? (
            <Button size="xs" component={Link} to={`/mediation/${dispute.id}/agreement`}>
              {agreement ? '继续填写调解协议' : '填写调解协议'}
            </Button>
          ) : null}
          {can('record_failure') ? (
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => setConcluding('failure')}
            >
              调解不成
            </Button>
          ) : null}
          {can('terminate') ? (
            <Button
              size="xs"
              variant="light"
              color="gray"
              onClick={() => setConcluding('terminate')}
            >
              终止调解
            </Button>
          ) : null}
          <PrintedTimes dispute={dispute} paper="agreement" what="协议书" />
          {printable ? (
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`/print/mediation/${dispute.id}/agreement`}
            >
              打印调解协议书
            </Button>
          ) : null}
        </>
      }
    >
      <Stack gap="sm">
        {dispute.outcome ? (
          <Group gap="xs">
            <Text fw={600}>{OUTCOME_LABELS[dispute.outcome]}</Text>
            <Text size="sm" c="dimmed">
              {dispute.concludedOn}
            </Text>
          </Group>
        ) : null}
        {dispute.outcome === 'failed' ? (
          <Facts cols={2}>
            <Fact label="调解不成的原因">{dispute.failureReason}</Fact>
            <Fact label="已告知当事人的途径">
              {dispute.routesTold.map((route) => REMEDY_ROUTE_LABELS[route]).join('、')}
            </Fact>
          </Facts>
        ) : null}
        {dispute.outcome === 'terminated' ? (
          <Fact label="终止调解的理由">{dispute.terminationReason}</Fact>
        ) : null}
        {agreement ? <AgreementSummary dispute={dispute} agreement={agreement} /> : null}
        {!dispute.outcome && !agreement ? (
          <Text size="sm" c="dimmed">
            尚无结果。达成协议的填写调解协议；调解不成的记录原因和已告知的途径；当事人撤回或不宜继续的终止调解。
          </Text>
        ) : null}
      </Stack>
      {concluding ? (
        <ConcludeModal dispute={dispute} kind={concluding} onClose={() => setConcluding(null)} />
      ) : null}
    </SectionCard>
  );
}

export const outcomeSection: DisputeSection = {
  key: 'outcome',
  title: '调解结果',
  Component: OutcomeSectionBody,
};
