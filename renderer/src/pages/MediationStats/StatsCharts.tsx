import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import type { MediationStats } from '@shared/api';
import type { ReactNode } from 'react';
import { groupLabel, periodLabel, totalsByGroup } from './stats-rows';

const SERIES = [
  { name: 'accepted', label: '受理', color: 'blue.6' },
  { name: 'concluded', label: '调结', color: 'gray.5' },
  { name: 'succeeded', label: '调解成功', color: 'teal.6' },
];

function ChartCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    // minWidth 0: a grid item otherwise grows to the chart's first measured width and overflows.
    <Paper withBorder p="md" radius="md" component="figure" m={0} miw={0} aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Empty() {
  return (
    <Text c="dimmed" size="sm" py="xl" ta="center">
      所选期间没有可统计的案件
    </Text>
  );
}

/** The trend over the periods and the mix of dispute types; the tables below carry the figures. */
export function StatsCharts({ stats }: { stats: MediationStats }) {
  const trend = stats.byPeriod.map((row) => ({ ...row, label: periodLabel(row.period) }));
  const types = totalsByGroup(stats.byType, 'type').map((row) => ({
    ...row,
    label: groupLabel('type', row.group),
  }));
  return (
    <>
      <ChartCard id="chart-trend" title="各期受理与调解成功">
        {trend.length === 0 ? (
          <Empty />
        ) : (
          <BarChart
            h={240}
            data={trend}
            dataKey="label"
            series={SERIES}
            maxBarWidth={36}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            valueFormatter={(value) => `${value} 件`}
            yAxisProps={{ allowDecimals: false }}
          />
        )}
      </ChartCard>
      <ChartCard id="chart-types" title="按纠纷类型">
        {types.length === 0 ? (
          <Empty />
        ) : (
          <BarChart
            h={240}
            data={types}
            dataKey="label"
            orientation="vertical"
            yAxisProps={{ width: 90 }}
            series={SERIES.filter((series) => series.name !== 'concluded')}
            maxBarWidth={20}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            valueFormatter={(value) => `${value} 件`}
            xAxisProps={{ allowDecimals: false }}
          />
        )}
      </ChartCard>
    </>
  );
}
