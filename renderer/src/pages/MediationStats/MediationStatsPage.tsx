import {
  Alert,
  Center,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { LevelShare } from './LevelShare';
import { rangeOfMonths, yearToDate } from './stats-range';
import type { Granularity } from './stats-rows';
import { StatsCharts } from './StatsCharts';
import { StatsExport } from './StatsExport';
import { StatsSummary } from './StatsSummary';
import { StatsTables } from './StatsTables';

const GRANULARITIES: { value: Granularity; label: string }[] = [
  { value: 'month', label: '按月' },
  { value: 'quarter', label: '按季度' },
  { value: 'year', label: '按年' },
];

type Months = [string | null, string | null];

/** 调解统计 in the MoJ categories, for the caller's unit and the units below it. */
export function MediationStatsPage() {
  const initial = yearToDate();
  const [months, setMonths] = useState<Months>([initial.from, initial.to]);
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [first, last] = months;
  const range = first && last ? rangeOfMonths(first.slice(0, 7), last.slice(0, 7)) : null;
  const stats = useApiQuery(
    'mediation.stats',
    { from: range?.from ?? initial.from, to: range?.to ?? initial.to, granularity },
    { enabled: range !== null, placeholderData: keepPreviousData },
  );

  return (
    <>
      <PageHeader
        title="调解统计"
        description="按司法部人民调解统计口径：受理、调解成功、成功率、履行、司法确认和涉及金额，含本单位及下级单位。"
        actions={<StatsExport />}
      />
      <Stack gap="md">
        <Group gap="md" align="flex-end">
          <MonthPickerInput
            type="range"
            label="统计月份"
            w={240}
            value={months}
            onChange={(value) => setMonths(value as Months)}
            valueFormat="YYYY年M月"
            labelSeparator="至"
            monthsListFormat="M月"
            yearLabelFormat="YYYY年"
            allowSingleDateInRange
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="granularity-label">
              统计周期
            </Text>
            <SegmentedControl
              aria-labelledby="granularity-label"
              data={GRANULARITIES}
              value={granularity}
              onChange={(value) => setGranularity(value as Granularity)}
            />
          </Stack>
        </Group>
        {stats.data ? (
          <>
            <Alert color="yellow" variant="light" title="事件报告不计入统计" role="note">
              {stats.data.eventReports.note}。所选期间本单位及下级共报送事件报告{' '}
              {stats.data.eventReports.count} 件，另行统计。
            </Alert>
            <StatsSummary totals={stats.data.totals} />
            <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="md">
              <LevelShare share={stats.data.shareByLevel} />
              <StatsCharts stats={stats.data} />
            </SimpleGrid>
            <StatsTables stats={stats.data} />
          </>
        ) : (
          <Center p="xl">
            {stats.isError ? (
              <Text c="red">{stats.error.message}</Text>
            ) : (
              <Loader aria-label="正在统计" />
            )}
          </Center>
        )}
      </Stack>
    </>
  );
}
