import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { ORG_LEVEL_LABELS, type DisputeDetail } from '@shared/api';
import { OUTCOME_LABELS } from '@shared/domain/mediation/vocabulary';
import { DISPUTE_STATE_LABELS } from '@shared/domain/mediation/workflow';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/time';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { EscalateModal } from './EscalateModal';

function escalations(dispute: DisputeDetail) {
  return dispute.events.filter((event) => event.action === 'escalate');
}

/** What the unit that passed the case up sees: who has it now, where it stands, how it ended. */
function ReaderNotice({ dispute }: { dispute: DisputeDetail }) {
  const outcome = dispute.outcome
    ? `${OUTCOME_LABELS[dispute.outcome]}（${dispute.concludedOn}）`
    : '尚未办结';
  return (
    <Alert color="grape" variant="light" title="本案已上交，本单位只能查看">
      <Stack gap={4}>
        <Text size="sm">
          现由{ORG_LEVEL_LABELS[dispute.ownerLevel]}
          {dispute.ownerOrgName}承办，当前状态：
          {DISPUTE_STATE_LABELS[dispute.state]}。
        </Text>
        <Text size="sm" fw={600}>
          处理结果：{outcome}
        </Text>
        {dispute.agreement?.signedOn ? (
          <Text size="sm">已于 {dispute.agreement.agreedOn} 达成调解协议。</Text>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** 上交: village → township → county, with the reason; the levels below keep reading the case. */
function EscalationSectionBody({ dispute }: DisputeSectionProps) {
  const [escalating, setEscalating] = useState(false);
  const canEscalate = dispute.canWrite && dispute.availableActions.includes('escalate');
  const history = escalations(dispute);
  return (
    <SectionCard
      id="escalation"
      title="上交"
      actions={
        canEscalate ? (
          <Button size="xs" variant="light" color="grape" onClick={() => setEscalating(true)}>
            上交上级
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {dispute.access === 'reader' ? <ReaderNotice dispute={dispute} /> : null}
        {history.length > 0 ? (
          <List size="sm" spacing={4}>
            {history.map((event) => (
              <List.Item key={event.id}>
                {formatDateTime(event.at)} {event.fromOrgName}
                {event.actorName ? `（${event.actorName}）` : ''}
                {event.note}
              </List.Item>
            ))}
          </List>
        ) : null}
        {canEscalate && history.length === 0 ? (
          <Text size="sm" c="dimmed">
            本级难以化解的，可上交上一级调解组织：村（社区）→ 乡镇（街道）→
            县级中心。上交后由上级承办，本单位仍可查看办理结果。
          </Text>
        ) : null}
      </Stack>
      {escalating ? <EscalateModal dispute={dispute} onClose={() => setEscalating(false)} /> : null}
    </SectionCard>
  );
}

export const escalationSection: DisputeSection = {
  key: 'escalation',
  title: '上交',
  visible: (dispute) =>
    (dispute.canWrite && dispute.availableActions.includes('escalate')) ||
    dispute.access === 'reader' ||
    escalations(dispute).length > 0,
  Component: EscalationSectionBody,
};
