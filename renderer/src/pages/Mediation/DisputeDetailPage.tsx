import { Alert, Anchor, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api';
import { DisputeHeader } from './detail/DisputeHeader';
import type { DisputeSection } from './detail/section';
import { closeSection } from './sections/CloseSection';
import { escalationSection } from './sections/EscalationSection';
import { extensionSection } from './sections/ExtensionSection';
import { followUpSection } from './sections/FollowUpSection';
import { judicialSection } from './sections/JudicialSection';
import { mediatorsSection } from './sections/MediatorsSection';
import { outcomeSection } from './sections/OutcomeSection';
import { partiesSection } from './sections/PartiesSection';
import { sessionsSection } from './sections/SessionsSection';
import { timelineSection } from './sections/TimelineSection';

/**
 * The case file, top to bottom in the order the work goes. A later part of the work (judicial
 * confirmation, follow-up, extension, escalation) is one entry here: a DisputeSection whose
 * Component renders a SectionCard.
 */
const sections: readonly DisputeSection[] = [
  partiesSection,
  mediatorsSection,
  sessionsSection,
  extensionSection,
  outcomeSection,
  judicialSection,
  followUpSection,
  escalationSection,
  closeSection,
  timelineSection,
];

export function DisputeDetailPage() {
  const { id = '' } = useParams();
  const dispute = useApiQuery('mediation.get', { disputeId: id });

  if (dispute.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="正在打开案卷" />
      </Center>
    );
  }
  if (dispute.isError) {
    return (
      <Alert color="red" title="无法打开案卷" role="alert">
        {dispute.error.message}
      </Alert>
    );
  }
  const shown = sections.filter((section) => section.visible?.(dispute.data) ?? true);
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Anchor component={Link} to="/mediation" size="sm">
          ← 调解案件
        </Anchor>
      </Group>
      <DisputeHeader dispute={dispute.data} />
      <Group gap="md" component="nav" aria-label="案卷目录">
        <Text size="sm" c="dimmed">
          目录：
        </Text>
        {shown.map((section) => (
          <Anchor
            key={section.key}
            href={`#${section.key}`}
            size="sm"
            onClick={(event) => {
              // Hash routing owns the address bar: scroll without navigating.
              event.preventDefault();
              document.getElementById(section.key)?.scrollIntoView({ behavior: 'smooth' });
            }}
          >
            {section.title}
          </Anchor>
        ))}
      </Group>
      {shown.map(({ key, Component }) => (
        <Component key={key} dispute={dispute.data} />
      ))}
    </Stack>
  );
}
