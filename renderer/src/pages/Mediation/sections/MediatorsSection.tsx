import { Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { referenceLabel, useMediationReference } from '../../../lib/mediation-reference';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { OffRosterNotice } from '../../Mediators';
import { AssignMediatorsModal } from './AssignMediatorsModal';

function MediatorsSectionBody({ dispute }: DisputeSectionProps) {
  const reference = useMediationReference();
  const [assigning, setAssigning] = useState(false);
  const editable = dispute.canWrite && !['closed', 'rejected'].includes(dispute.state);
  return (
    <SectionCard
      id="mediators"
      title="调解员"
      actions={
        editable ? (
          <Button size="xs" variant="light" onClick={() => setAssigning(true)}>
            {dispute.mediators.length > 0 ? '调整调解员' : '指派调解员'}
          </Button>
        ) : null
      }
    >
      {editable ? (
        <Box mb="sm">
          <OffRosterNotice orgUnitId={dispute.ownerOrgId} />
        </Box>
      ) : null}
      {dispute.mediators.length === 0 ? (
        <Text size="sm" c="dimmed">
          尚未指派调解员。指派一名主持调解员，必要时另加协助调解员。
        </Text>
      ) : (
        <Stack gap={6}>
          {dispute.mediators.map((mediator) => (
            <Group key={mediator.mediatorId} gap="xs">
              <Badge variant={mediator.role === 'lead' ? 'filled' : 'light'}>
                {mediator.role === 'lead' ? '主持调解' : '协助调解'}
              </Badge>
              <Text size="sm" fw={500}>
                {mediator.name}
              </Text>
              <Text size="sm" c="dimmed">
                {referenceLabel(reference.data?.mediatorBackgrounds, mediator.background)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {assigning ? (
        <AssignMediatorsModal dispute={dispute} onClose={() => setAssigning(false)} />
      ) : null}
    </SectionCard>
  );
}

export const mediatorsSection: DisputeSection = {
  key: 'mediators',
  title: '调解员',
  Component: MediatorsSectionBody,
};
