import { Tabs } from '@mantine/core';
import type { MediationStats } from '@shared/api';
import type { DataTableColumn } from 'mantine-datatable';
import { ListTable } from '../../components/ListTable';
import { formatFen } from '../../lib/money';
import {
  formatRate,
  groupLabel,
  periodLabel,
  totalsByGroup,
  type Dimension,
  type StatsRow,
} from './stats-rows';

type Keyed = StatsRow & { key: string; label: string };

function columns(firstTitle: string, totals: StatsRow): DataTableColumn<Keyed>[] {
  const count = (accessor: keyof StatsRow, title: string): DataTableColumn<Keyed> => ({
    accessor,
    title,
    textAlign: 'right',
    footer: String(totals[accessor]),
  });
  return [
    { accessor: 'label', title: firstTitle, footer: '合计' },
    count('accepted', '受理（件）'),
    count('concluded', '调结（件）'),
    count('succeeded', '调解成功（件）'),
    {
      accessor: 'successRate',
      title: '调解成功率',
      textAlign: 'right',
      render: (row) => formatRate(row.successRate),
      footer: formatRate(totals.successRate),
    },
    count('performed', '协议履行（件）'),
    count('judicialConfirmations', '司法确认（件）'),
    {
      accessor: 'amountFen',
      title: '涉及金额',
      textAlign: 'right',
      render: (row) => formatFen(row.amountFen),
      footer: formatFen(totals.amountFen),
    },
  ];
}

function StatsTable({ title, rows, totals }: { title: string; rows: Keyed[]; totals: StatsRow }) {
  return (
    <ListTable
      aria-label={title}
      minHeight={rows.length === 0 ? 160 : undefined}
      noRecordsText="所选期间没有可统计的案件"
      idAccessor="key"
      records={rows}
      columns={columns(title, totals)}
    />
  );
}

const DIMENSIONS: { value: Dimension; label: string }[] = [
  { value: 'type', label: '按纠纷类型' },
  { value: 'source', label: '按纠纷来源' },
  { value: 'level', label: '按调处层级' },
];

const SOURCE: Record<Dimension, keyof MediationStats> = {
  type: 'byType',
  source: 'bySource',
  level: 'byLevel',
};

const FIRST_COLUMN: Record<Dimension, string> = {
  type: '纠纷类型',
  source: '纠纷来源',
  level: '调处层级',
};

/** The figures behind the charts: per period, and over the range by type, source and level. */
export function StatsTables({ stats }: { stats: MediationStats }) {
  const periods = stats.byPeriod.map((row) => ({
    ...row,
    key: row.period,
    label: periodLabel(row.period),
  }));
  return (
    <Tabs defaultValue="period" keepMounted={false}>
      <Tabs.List mb="sm">
        <Tabs.Tab value="period">按统计期间</Tabs.Tab>
        {DIMENSIONS.map((dimension) => (
          <Tabs.Tab key={dimension.value} value={dimension.value}>
            {dimension.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="period">
        <StatsTable title="统计期间" rows={periods} totals={stats.totals} />
      </Tabs.Panel>
      {DIMENSIONS.map(({ value }) => {
        const rows = totalsByGroup(stats[SOURCE[value]] as StatsRow[], value).map((row) => ({
          ...row,
          key: row.group,
          label: groupLabel(value, row.group),
        }));
        return (
          <Tabs.Panel key={value} value={value}>
            <StatsTable title={FIRST_COLUMN[value]} rows={rows} totals={stats.totals} />
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
