import { Badge, Button, Stack, Text } from '@mantine/core';
import { JUDICIAL_RESULT_LABELS, type AgreementView } from '@shared/api';
import { useState } from 'react';
import { Link } from 'react-router';
import { Fact, Facts } from '../detail/Facts';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { JudicialModal } from './JudicialModal';

type Window = NonNullable<AgreementView['judicialConfirmation']>['window'];

/** The 30-day clock in words and colour. */
function WindowBadge({ window }: { window: Window }) {
  const [color, text] = {
    ok: ['blue', `还剩 ${window.daysLeft} 天`],
    due_soon: ['orange', window.daysLeft === 0 ? '今天截止' : `还剩 ${window.daysLeft} 天`],
    overdue: ['red', `已过申请期限 ${-window.daysLeft} 天`],
    applied: ['teal', '已在期限内申请'],
    applied_late: ['red', '超过期限后申请'],
  }[window.status];
  return (
    <Badge color={color} variant="light">
      {text}
    </Badge>
  );
}

function JudicialSectionBody({ dispute }: DisputeSectionProps) {
  const [recording, setRecording] = useState(false);
  const agreement = dispute.agreement!;
  const confirmation = agreement.judicialConfirmation;
  const canRecord =
    confirmation !== null &&
    dispute.canWrite &&
    ['succeeded', 'followed_up', 'closed'].includes(dispute.state);
  return (
    <SectionCard
      id="judicial"
      title="司法确认"
      actions={
        confirmation && dispute.canWrite ? (
          <>
            {canRecord ? (
              <Button size="xs" variant="light" onClick={() => setRecording(true)}>
                记录司法确认
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`/print/mediation/${dispute.id}/judicial`}
            >
              打印申请材料清单
            </Button>
          </>
        ) : null
      }
    >
      {!confirmation ? (
        <Text size="sm" c="dimmed">
          口头调解协议不能申请司法确认；当事人需要的，应先制作书面调解协议。
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            协议于 {agreement.effectiveOn} 生效，双方当事人可在三十日内（截至{' '}
            {confirmation.window.lastDay}）共同向人民法院申请司法确认。{' '}
            <WindowBadge window={confirmation.window} />
          </Text>
          {confirmation.applied === null ? (
            <Text size="sm" c="dimmed">
              尚未记录当事人是否申请。
            </Text>
          ) : confirmation.applied ? (
            <Facts>
              <Fact label="申请日期">{confirmation.appliedOn}</Fact>
              <Fact label="受理法院">{confirmation.court}</Fact>
              <Fact label="法院裁定">
                {confirmation.result ? JUDICIAL_RESULT_LABELS[confirmation.result] : '—'}
              </Fact>
              <Fact label="裁定日期">{confirmation.resultOn ?? '—'}</Fact>
            </Facts>
          ) : (
            <Text size="sm">当事人决定不申请司法确认。</Text>
          )}
          {confirmation.note ? <Fact label="备注">{confirmation.note}</Fact> : null}
        </Stack>
      )}
      {recording && confirmation ? (
        <JudicialModal
          dispute={dispute}
          confirmation={confirmation}
          onClose={() => setRecording(false)}
        />
      ) : null}
    </SectionCard>
  );
}

export const judicialSection: DisputeSection = {
  key: 'judicial',
  title: '司法确认',
  visible: (dispute) => dispute.agreement?.signedOn != null,
  Component: JudicialSectionBody,
};
