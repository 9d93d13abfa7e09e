import { Badge, Button, Divider, Group, Stack, Text } from '@mantine/core';
import type { DisputeDetail, MediationSession } from '@shared/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { Fact, Facts } from '../detail/Facts';
import { PrintedTimes } from '../detail/PrintedTimes';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { SessionModal } from './SessionModal';

function SessionView({
  session,
  dispute,
  canPrint,
}: {
  session: MediationSession;
  dispute: DisputeDetail;
  canPrint: boolean;
}) {
  const title = `第${session.number}次调解`;
  return (
    <Stack gap="xs" aria-label={title} role="article">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{title}</Text>
          <Badge color={session.agreed ? 'teal' : 'gray'} variant="light">
            {session.agreed ? '达成一致' : '未达成一致'}
          </Badge>
        </Group>
        {canPrint ? (
          <Group gap="xs">
            <PrintedTimes dispute={dispute} paper={`session:${session.id}`} what="笔录" />
            <Button
              size="compact-sm"
              variant="default"
              component={Link}
              to={`/print/mediation/${dispute.id}/sessions/${session.id}`}
              aria-label={`打印${title}笔录`}
            >
              打印笔录
            </Button>
          </Group>
        ) : null}
      </Group>
      <Facts>
        <Fact label="调解日期">{session.heldOn}</Fact>
        <Fact label="调解地点">{session.place}</Fact>
        <Fact label="调解员">{session.mediators.map((mediator) => mediator.name).join('、')}</Fact>
        <Fact label="记录人">{session.recorderName ?? '—'}</Fact>
      </Facts>
      <Fact label="到场人员">{session.attendees.join('、')}</Fact>
      {session.statements.map((statement) => (
        <Fact key={statement.partyId} label={`${statement.partyName}陈述`}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {statement.text}
          </Text>
        </Fact>
      ))}
      {session.result ? (
        <Fact label="调解情况">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {session.result}
          </Text>
        </Fact>
      ) : null}
    </Stack>
  );
}

function SessionsSectionBody({ dispute }: DisputeSectionProps) {
  const [recording, setRecording] = useState(false);
  const canRecord = dispute.canWrite && ['accepted', 'mediating'].includes(dispute.state);
  return (
    <SectionCard
      id="sessions"
      title="调解记录"
      actions={
        canRecord ? (
          <Button size="xs" variant="light" onClick={() => setRecording(true)}>
            记录调解
          </Button>
        ) : null
      }
    >
      {dispute.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {dispute.state === 'registered'
            ? '受理后即可记录调解。'
            : '还没有调解记录。每次调解后记录时间、地点、到场人员和各方陈述，并打印笔录由当事人签名。'}
        </Text>
      ) : (
        <Stack gap="md">
          {dispute.sessions.map((session, index) => (
            <Stack key={session.id} gap="md">
              {index > 0 ? <Divider /> : null}
              <SessionView session={session} dispute={dispute} canPrint={dispute.canWrite} />
            </Stack>
          ))}
        </Stack>
      )}
      {recording ? <SessionModal dispute={dispute} onClose={() => setRecording(false)} /> : null}
    </SectionCard>
  );
}

export const sessionsSection: DisputeSection = {
  key: 'sessions',
  title: '调解记录',
  Component: SessionsSectionBody,
};
