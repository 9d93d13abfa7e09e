import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { MediationStats } from '@shared/api';
import { formatFen } from '../../lib/money';
import { formatRate } from './stats-rows';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} mt={2}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The range's totals: the six figures of the MoJ report. */
export function StatsSummary({ totals }: { totals: MediationStats['totals'] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Figure label="受理" value={`${totals.accepted} 件`} />
      <Figure
        label="调解成功"
        value={`${totals.succeeded} 件`}
        hint={`调结 ${totals.concluded} 件`}
      />
      <Figure label="调解成功率" value={formatRate(totals.successRate)} hint="成功数 ÷ 调结数" />
      <Figure label="协议履行" value={`${totals.performed} 件`} />
      <Figure label="司法确认" value={`${totals.judicialConfirmations} 件`} />
      <Figure label="涉及金额" value={formatFen(totals.amountFen)} />
    </SimpleGrid>
  );
}
