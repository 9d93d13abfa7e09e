import { Button, List, Stack, Text } from '@mantine/core';
import type { DisputeDetail } from '@shared/api';
import { useState } from 'react';
import { DeadlineText } from '../../../components/DisputeStatus';
import { Fact, Facts } from '../detail/Facts';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { ExtensionModal } from './ExtensionModal';

function partyNames(dispute: DisputeDetail, ids: readonly string[]): string {
  return dispute.parties
    .filter((party) => ids.includes(party.id))
    .map((party) => party.name)
    .join('、');
}

/** The one-month target, its extensions and with whose consent each was made. */
function ExtensionSectionBody({ dispute }: DisputeSectionProps) {
  const [extending, setExtending] = useState(false);
  const canExtend = dispute.canWrite && ['accepted', 'mediating'].includes(dispute.state);
  const clock = dispute.clock;
  return (
    <SectionCard
      id="deadline"
      title="调解期限"
      actions={
        canExtend ? (
          <Button size="xs" variant="light" onClick={() => setExtending(true)}>
            延长调解期限
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        <Facts cols={3}>
          <Fact label="受理日期">{dispute.acceptedOn ?? '尚未受理'}</Fact>
          <Fact label="应调结日期">
            {clock ? (
              <DeadlineText
                deadline={clock.status}
                dueDate={clock.dueDate}
                daysLeft={clock.daysLeft}
              />
            ) : (
              '—'
            )}
          </Fact>
          <Fact label="是否延期">
            {dispute.extensions.length > 0 ? `已延期 ${dispute.extensions.length} 次` : '未延期'}
          </Fact>
        </Facts>
        {dispute.extensions.length > 0 ? (
          <List size="sm" spacing={4}>
            {dispute.extensions.map((extension) => (
              <List.Item key={extension.id}>
                {extension.recordedOn} 延期：{extension.previousDueDate} → {extension.newDueDate}
                ；理由：{extension.reason}；经{partyNames(dispute, extension.consentingPartyIds)}
                同意
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            调解一般应在受理后一个月内调结；确需延长的，须经各方当事人同意后记录。
          </Text>
        )}
      </Stack>
      {extending ? <ExtensionModal dispute={dispute} onClose={() => setExtending(false)} /> : null}
    </SectionCard>
  );
}

export const extensionSection: DisputeSection = {
  key: 'deadline',
  title: '调解期限',
  visible: (dispute) => dispute.clock !== null || dispute.extensions.length > 0,
  Component: ExtensionSectionBody,
};
