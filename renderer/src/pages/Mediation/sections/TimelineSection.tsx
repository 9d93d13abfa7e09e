import { Text, Timeline } from '@mantine/core';
import { DISPUTE_STATE_LABELS } from '@shared/domain/mediation/workflow';
import { formatDateTime } from '../../../lib/time';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';

/** 办理经过: every step in order, who took it, and the state it moved the case to. */
function TimelineSectionBody({ dispute }: DisputeSectionProps) {
  return (
    <SectionCard id="events" title="办理经过">
      <Timeline bulletSize={12} lineWidth={2}>
        {dispute.events.map((event) => (
          <Timeline.Item key={event.id}>
            <Text size="sm">
              {event.note ?? event.action}
              {event.toState && event.fromState !== event.toState
                ? `（${event.fromState ? `${DISPUTE_STATE_LABELS[event.fromState]} → ` : ''}${DISPUTE_STATE_LABELS[event.toState]}）`
                : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(event.at)}
              {event.actorName ? ` · ${event.actorName}` : ''}
              {event.toOrgName ? ` · ${event.fromOrgName ?? ''} → ${event.toOrgName}` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </SectionCard>
  );
}

export const timelineSection: DisputeSection = {
  key: 'events',
  title: '办理经过',
  Component: TimelineSectionBody,
};
