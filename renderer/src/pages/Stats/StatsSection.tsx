import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatsSectionProps {
  title: string;
  /** One line under the title on what is counted. */
  note?: string;
  chart: ReactNode;
  table: ReactNode;
  /** Shown in place of the chart when there is nothing to draw. */
  empty?: string | null;
  /** Columns of twelve the chart takes on a wide screen; the table has the rest. */
  chartSpan?: number;
}

/** A chart with the same figures as a table beside it: the table is what a person reads out or copies. */
export function StatsSection(props: StatsSectionProps) {
  const { title, note, chart, table, empty, chartSpan = 6 } = props;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap={4} mb="md">
        <Title order={3} size="h4">
          {title}
        </Title>
        {note ? (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        ) : null}
      </Stack>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: chartSpan }}>
          {empty ? (
            <Text c="dimmed" ta="center" py={60}>
              {empty}
            </Text>
          ) : (
            chart
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 12 - chartSpan }}>{table}</Grid.Col>
      </Grid>
    </Paper>
  );
}
