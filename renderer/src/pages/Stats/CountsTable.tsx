import { ScrollArea, Table } from '@mantine/core';
import type { CounterStats } from '@shared/api';
import { COUNT_SERIES, formatRate } from './stats-format';

type Counts = CounterStats['totals'];

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

interface CountsTableProps<R extends Counts> {
  label: string;
  /** The first column's heading, e.g. 事项. */
  keyTitle: string;
  rows: R[];
  keyOf: (row: R) => string;
  nameOf: (row: R) => string;
  totals: Counts;
}

/** 收件 … 不予受理 and the on-time rate per row, with the period's totals at the foot. */
export function CountsTable<R extends Counts>(props: CountsTableProps<R>) {
  const { label, keyTitle, rows, keyOf, nameOf, totals } = props;
  const cells = (counts: Counts) => (
    <>
      {COUNT_SERIES.map((series) => (
        <Table.Td key={series.name} ta="right">
          {counts[series.name]}
        </Table.Td>
      ))}
      <Table.Td ta="right">{formatRate(counts.onTimeRate)}</Table.Td>
    </>
  );
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table striped withTableBorder stickyHeader fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{keyTitle}</Table.Th>
            {COUNT_SERIES.map((series) => (
              <Table.Th key={series.name} ta="right" style={NO_WRAP}>
                {series.label}
              </Table.Th>
            ))}
            <Table.Th ta="right" style={NO_WRAP}>
              按时办结率
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={keyOf(row)}>
              <Table.Td>{nameOf(row)}</Table.Td>
              {cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>合计</Table.Td>
            {cells(totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea.Autosize>
  );
}
