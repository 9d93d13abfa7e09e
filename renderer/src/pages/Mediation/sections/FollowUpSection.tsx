import { Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import {
  FOLLOW_UP_METHOD_LABELS,
  PERFORMANCE_LABELS,
  SATISFACTION_LABELS,
  type DisputeFollowUp,
} from '@shared/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { daysLeftText } from '../../../lib/days-left';
import { Fact, Facts } from '../detail/Facts';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { FollowUpModal } from './FollowUpModal';

function DueLine({ visit }: { visit: DisputeFollowUp }) {
  const overdue = visit.deadline?.status === 'overdue';
  return (
    <Text
      size="sm"
      c={overdue ? 'red' : visit.deadline?.status === 'due_soon' ? 'orange.8' : undefined}
    >
      应于 {visit.dueOn} 前回访
      {visit.deadline ? `（${daysLeftText(visit.deadline.daysLeft)}）` : ''}
    </Text>
  );
}

function VisitFacts({ visit }: { visit: DisputeFollowUp }) {
  return (
    <Stack gap="xs">
      <Facts>
        <Fact label="回访日期">{visit.visitedOn}</Fact>
        <Fact label="回访方式">{visit.method ? FOLLOW_UP_METHOD_LABELS[visit.method] : '—'}</Fact>
        <Fact label="回访人">{visit.visitorName ?? '—'}</Fact>
        <Fact label="履行情况">
          {visit.performance ? PERFORMANCE_LABELS[visit.performance] : '—'}
        </Fact>
        <Fact label="当事人满意度">
          {visit.satisfaction ? SATISFACTION_LABELS[visit.satisfaction] : '—'}
        </Fact>
        <Fact label="矛盾是否反复">
          {visit.renewedConflict ? (
            <Badge color="red" variant="light">
              出现反复
            </Badge>
          ) : (
            '未见反复'
          )}
        </Fact>
      </Facts>
      {visit.note ? <Fact label="回访情况">{visit.note}</Fact> : null}
    </Stack>
  );
}

/** 回访: each visit scheduled after the agreement, what it found, and its printed record. */
function FollowUpSectionBody({ dispute }: DisputeSectionProps) {
  const [recording, setRecording] = useState<DisputeFollowUp | null>(null);
  const canRecord = dispute.canWrite && dispute.availableActions.includes('record_follow_up');
  return (
    <SectionCard id="follow-up" title="回访">
      <Stack gap="md">
        {dispute.followUps.map((visit, index) => {
          const title = `第${index + 1}次回访`;
          return (
            <Stack key={visit.id} gap="xs" role="article" aria-label={title}>
              {index > 0 ? <Divider /> : null}
              <Group justify="space-between">
                <Group gap="xs">
                  <Text fw={600}>{title}</Text>
                  <Badge color={visit.state === 'done' ? 'teal' : 'blue'} variant="light">
                    {visit.state === 'done' ? '已回访' : '待回访'}
                  </Badge>
                </Group>
                <Group gap="xs">
                  {visit.state === 'due' && canRecord ? (
                    <Button size="compact-sm" variant="light" onClick={() => setRecording(visit)}>
                      记录回访
                    </Button>
                  ) : null}
                  {dispute.canWrite ? (
                    <Button
                      size="compact-sm"
                      variant="default"
                      component={Link}
                      to={`/print/mediation/${dispute.id}/follow-up/${visit.id}`}
                      aria-label={`打印${title}记录`}
                    >
                      打印回访记录
                    </Button>
                  ) : null}
                </Group>
              </Group>
              {visit.state === 'due' ? <DueLine visit={visit} /> : <VisitFacts visit={visit} />}
            </Stack>
          );
        })}
      </Stack>
      {recording ? <FollowUpModal visit={recording} onClose={() => setRecording(null)} /> : null}
    </SectionCard>
  );
}

export const followUpSection: DisputeSection = {
  key: 'follow-up',
  title: '回访',
  visible: (dispute) => dispute.followUps.length > 0,
  Component: FollowUpSectionBody,
};
