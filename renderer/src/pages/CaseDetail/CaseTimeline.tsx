import { Text, Timeline, Title } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { formatDateTime } from '../../lib/time';
import { eventTitle } from './case-labels';

interface CaseTimelineProps {
  events: CaseDetail['events'];
}

/** Every step of the case, oldest first: what happened, who did it, when, and the note. */
export function CaseTimeline({ events }: CaseTimelineProps) {
  return (
    <section aria-labelledby="case-timeline">
      <Title order={3} size="h4" mb="sm" id="case-timeline">
        办理记录
      </Title>
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} role="list">
        {events.map((event) => (
          <Timeline.Item key={event.id} title={eventTitle(event)} role="listitem">
            <Text size="xs" c="dimmed">
              {formatDateTime(event.at)} · {event.actorName ?? '系统'}
            </Text>
            {event.note ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
