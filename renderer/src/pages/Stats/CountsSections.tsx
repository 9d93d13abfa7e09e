import { BarChart } from '@mantine/charts';
import type { CounterStats } from '@shared/api';
import { periodLabel } from '@shared/domain/cases/stats-period';
import { CountsTable } from './CountsTable';
import { COUNT_SERIES, LEGEND_PROPS } from './stats-format';
import { StatsSection } from './StatsSection';

const SERIES = COUNT_SERIES.map(({ name, label, color }) => ({ name, label, color }));
const EMPTY = '本期间没有受理案件';

/** Long item names are cut on the axis; the tooltip and the table give them whole. */
function shortName(name: string): string {
  return name.length > 10 ? `${name.slice(0, 9)}…` : name;
}

/** The cases of the period by item: the busiest first. */
export function ByItemSection({ stats }: { stats: CounterStats }) {
  const data = stats.byItem.map((row) => ({ ...row, name: row.itemName }));
  return (
    <StatsSection
      title="按事项"
      note="收件、办结、超期、补正和不予受理的件数，按事项"
      empty={data.length === 0 ? EMPTY : null}
      chartSpan={5}
      chart={
        <BarChart
          h={Math.max(220, 48 * data.length + 60)}
          data={data}
          dataKey="name"
          orientation="vertical"
          series={SERIES}
          withLegend
          legendProps={LEGEND_PROPS}
          yAxisProps={{ width: 150, tickFormatter: shortName }}
          xAxisProps={{ allowDecimals: false }}
          gridAxis="x"
        />
      }
      table={
        <CountsTable
          label="按事项统计"
          keyTitle="事项"
          rows={stats.byItem}
          keyOf={(row) => row.itemId}
          nameOf={(row) => row.itemName}
          totals={stats.totals}
        />
      }
    />
  );
}

/** The same counts over time, grouped as chosen. */
export function ByPeriodSection({ stats }: { stats: CounterStats }) {
  const data = stats.byPeriod.map((row) => ({ ...row, name: periodLabel(row.period) }));
  return (
    <StatsSection
      title="按期间"
      note="按受理日期分组"
      empty={data.length === 0 ? EMPTY : null}
      chartSpan={5}
      chart={
        <BarChart
          h={280}
          data={data}
          dataKey="name"
          series={SERIES}
          withLegend
          legendProps={LEGEND_PROPS}
          yAxisProps={{ allowDecimals: false }}
          gridAxis="y"
        />
      }
      table={
        <CountsTable
          label="按期间统计"
          keyTitle="期间"
          rows={data}
          keyOf={(row) => row.period}
          nameOf={(row) => row.name}
          totals={stats.totals}
        />
      }
    />
  );
}
