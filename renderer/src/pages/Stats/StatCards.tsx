import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { CounterStats } from '@shared/api';
import { formatRate } from './stats-format';

function Card({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} mt={2}>
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

/** The period's totals at a glance. */
export function StatCards({ stats }: { stats: CounterStats }) {
  const { totals } = stats;
  return (
    <SimpleGrid cols={{ base: 4, xl: 8 }} spacing="sm" mb="lg">
      <Card label="收件" value={String(totals.takenIn)} />
      <Card label="受理" value={String(totals.accepted)} />
      <Card label="办结" value={String(totals.completed)} />
      <Card label="超期" value={String(totals.overdue)} />
      <Card label="补正" value={String(totals.supplement)} />
      <Card label="不予受理" value={String(totals.rejected)} />
      <Card
        label="按时办结率"
        value={formatRate(totals.onTimeRate)}
        hint={`按时 ${totals.completedOnTime} / 办结 ${totals.completed}`}
      />
      <Card
        label="差评回访率"
        value={formatRate(stats.followupRate)}
        hint={`已回访 ${stats.followupsDone} / 差评 ${stats.badRatings}`}
      />
    </SimpleGrid>
  );
}
