import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import type { CounterStats } from '@shared/api';
import { LEGEND_PROPS } from './stats-format';
import { StatsSection } from './StatsSection';

/** Agency cases by the village they came from, and how many were handed over after their limit. */
export function AgencySection({ stats }: { stats: CounterStats }) {
  const rows = stats.agencyByVillage;
  const total = rows.reduce((sum, row) => sum + row.cases, 0);
  const late = rows.reduce((sum, row) => sum + row.handedOverLate, 0);
  return (
    <StatsSection
      title="代办量（按村、社区）"
      note="村（社区）代办员代为申请的件数；逾期移交：超过 3 个工作日才移交乡镇（街道）"
      empty={rows.length === 0 ? '本期间没有代办件' : null}
      chart={
        <BarChart
          h={Math.max(200, 44 * rows.length + 60)}
          data={rows}
          dataKey="villageName"
          orientation="vertical"
          series={[
            { name: 'cases', label: '代办件数', color: 'violet.6' },
            { name: 'handedOverLate', label: '逾期移交', color: 'red.6' },
          ]}
          withLegend
          legendProps={LEGEND_PROPS}
          yAxisProps={{ width: 120 }}
          xAxisProps={{ allowDecimals: false }}
          gridAxis="x"
        />
      }
      table={
        <Table striped withTableBorder fz="sm" aria-label="代办量统计">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>村（社区）</Table.Th>
              <Table.Th ta="right">代办件数</Table.Th>
              <Table.Th ta="right">逾期移交</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.orgUnitId}>
                <Table.Td>{row.villageName}</Table.Td>
                <Table.Td ta="right">{row.cases}</Table.Td>
                <Table.Td ta="right">{row.handedOverLate}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td>合计</Table.Td>
              <Table.Td ta="right">{total}</Table.Td>
              <Table.Td ta="right">{late}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      }
    />
  );
}
