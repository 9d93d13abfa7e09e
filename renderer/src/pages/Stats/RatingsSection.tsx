import { DonutChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import type { CounterStats } from '@shared/api';
import { RATINGS } from '@shared/domain/cases/rating';
import { RATING_COLORS } from '../../lib/ratings';
import { formatRate } from './stats-format';
import { StatsSection } from './StatsSection';

/** 好差评 by level, and how many bad ratings have been called back. */
export function RatingsSection({ stats }: { stats: CounterStats }) {
  const total = stats.ratings.reduce((sum, row) => sum + row.count, 0);
  const data = stats.ratings
    .filter((row) => row.count > 0)
    .map((row) => ({
      name: RATINGS[row.level].label,
      value: row.count,
      color: `${RATING_COLORS[row.level]}.6`,
    }));
  return (
    <StatsSection
      title="好差评"
      note="按评价日期计数；不满意、非常不满意为差评，须在 15 个工作日内回访"
      empty={total === 0 ? '本期间没有评价' : null}
      chart={
        <DonutChart
          mx="auto"
          size={200}
          thickness={36}
          data={data}
          withLabels
          withLabelsLine
          labelsType="value"
          chartLabel={`共 ${total} 条`}
        />
      }
      table={
        <>
          <Table striped withTableBorder fz="sm" aria-label="好差评统计">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>评价</Table.Th>
                <Table.Th ta="right">数量</Table.Th>
                <Table.Th ta="right">占比</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.ratings.map((row) => (
                <Table.Tr key={row.level}>
                  <Table.Td>{RATINGS[row.level].label}</Table.Td>
                  <Table.Td ta="right">{row.count}</Table.Td>
                  <Table.Td ta="right">
                    {formatRate(total === 0 ? null : row.count / total)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>合计</Table.Td>
                <Table.Td ta="right">{total}</Table.Td>
                <Table.Td ta="right">{total === 0 ? '—' : '100.0%'}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Text size="sm" mt="sm">
            差评 {stats.badRatings} 条，已回访 {stats.followupsDone} 条，差评回访率{' '}
            {formatRate(stats.followupRate)}
          </Text>
        </>
      }
    />
  );
}
