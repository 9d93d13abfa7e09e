import { Group, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import type { DashboardFigures } from '@shared/api';
import { lazy, Suspense } from 'react';

// The charts library is a third of the renderer's script: the 工作台 is fetched while the clerk signs
// in, and its chart must not drag the library into what the sign-in screen waits for.
const WeekTrendChart = lazy(() =>
  import('./WeekTrendChart').then((m) => ({ default: m.WeekTrendChart })),
);

interface FigureProps {
  label: string;
  value: number;
  /** A second line under the figure, e.g. the bad ratings among the ratings. */
  note?: string;
  /** Red when above zero: something to act on. */
  alarm?: boolean;
}

function Figure({ label, value, note, alarm = false }: FigureProps) {
  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={28} fw={700} c={alarm && value > 0 ? 'red.7' : undefined} lh={1.2}>
          {value}
        </Text>
        <Text size="sm" c="dimmed">
          件
        </Text>
      </Group>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** 11-30, or 本周 for the week in progress. */
function weekLabel(weekStart: string, last: boolean): string {
  return last ? '本周' : weekStart.slice(5);
}

/** Today's counts and eight weeks of trend, above the lists of what needs doing. */
export function DayFigures({ figures }: { figures: DashboardFigures }) {
  const day = figures.todayFlow;
  const trend = figures.weeks.map((week, index) => ({
    ...week,
    label: weekLabel(week.weekStart, index === figures.weeks.length - 1),
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="day-figures-title">
        <Title order={3} size="h5" id="day-figures-title" mb="sm">
          今日（{figures.today}）
        </Title>
        <SimpleGrid cols={2} spacing="sm">
          <Figure label="今日受理" value={day.takenIn} />
          <Figure label="今日办结" value={day.completed} />
          <Figure label="当前超期" value={figures.overdue} alarm />
          <Figure
            label="今日评价"
            value={day.ratings}
            note={day.badRatings > 0 ? `其中差评 ${day.badRatings} 件` : '没有差评'}
            alarm={day.badRatings > 0}
          />
        </SimpleGrid>
      </Paper>
      <Paper
        withBorder
        p="md"
        radius="md"
        component="figure"
        m={0}
        miw={0}
        aria-labelledby="week-trend-title"
      >
        <Title order={3} size="h5" id="week-trend-title" mb="sm">
          近 {figures.weeks.length} 周趋势（每周一至周日）
        </Title>
        <Suspense fallback={<Skeleton h={200} aria-label="加载中…" />}>
          <WeekTrendChart trend={trend} />
        </Suspense>
      </Paper>
    </SimpleGrid>
  );
}
