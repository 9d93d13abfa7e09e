import { BarChart } from '@mantine/charts';

const SERIES = [
  { name: 'takenIn', label: '受理', color: 'blue.6' },
  { name: 'completed', label: '办结', color: 'teal.6' },
  { name: 'ratings', label: '评价', color: 'gray.6' },
  { name: 'badRatings', label: '差评', color: 'red.6' },
];

interface WeekTrendChartProps {
  /** One row a week, oldest first, with its axis label. */
  trend: Record<string, string | number>[];
}

/** Bars side by side: lines of equal small counts would hide one another. */
export function WeekTrendChart({ trend }: WeekTrendChartProps) {
  return (
    <BarChart
      h={200}
      data={trend}
      dataKey="label"
      series={SERIES}
      maxBarWidth={10}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      valueFormatter={(value) => `${value} 件`}
      yAxisProps={{ allowDecimals: false }}
    />
  );
}
