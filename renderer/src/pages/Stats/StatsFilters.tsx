import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput, MonthPickerInput, YearPickerInput } from '@mantine/dates';
import { periodLabel } from '@shared/domain/cases/stats-period';
import { useApiQuery } from '../../api';
import {
  GROUPING_LABELS,
  PERIOD_KIND_LABELS,
  recentQuarters,
  type Grouping,
  type PeriodChoice,
  type PeriodKind,
} from './stats-period';

interface StatsFiltersProps {
  today: string;
  choice: PeriodChoice;
  onChoice: (choice: PeriodChoice) => void;
  grouping: Grouping;
  onGrouping: (grouping: Grouping) => void;
  itemId: string | null;
  onItemId: (itemId: string | null) => void;
}

const KIND_OPTIONS = (Object.keys(PERIOD_KIND_LABELS) as PeriodKind[]).map((kind) => ({
  value: kind,
  label: PERIOD_KIND_LABELS[kind],
}));
const GROUPING_OPTIONS = (Object.keys(GROUPING_LABELS) as Grouping[]).map((grouping) => ({
  value: grouping,
  label: GROUPING_LABELS[grouping],
}));

function PeriodPicker({
  today,
  choice,
  onChoice,
}: Omit<StatsFiltersProps, 'grouping' | 'onGrouping' | 'itemId' | 'onItemId'>) {
  switch (choice.kind) {
    case 'month':
      return (
        <MonthPickerInput
          label="月份"
          w={160}
          valueFormat="YYYY年M月"
          maxDate={today}
          value={choice.month}
          onChange={(month) => month && onChoice({ ...choice, month })}
        />
      );
    case 'quarter':
      return (
        <Select
          label="季度"
          w={180}
          allowDeselect={false}
          data={recentQuarters(today).map((quarter) => ({
            value: quarter,
            label: periodLabel(quarter),
          }))}
          value={choice.quarter}
          onChange={(quarter) => quarter && onChoice({ ...choice, quarter })}
        />
      );
    case 'year':
      return (
        <YearPickerInput
          label="年度"
          w={130}
          valueFormat="YYYY年"
          maxDate={today}
          value={`${choice.year}-01-01`}
          onChange={(year) => year && onChoice({ ...choice, year: year.slice(0, 4) })}
        />
      );
    case 'custom':
      return (
        <DatePickerInput
          type="range"
          label="日期范围"
          placeholder="选择开始和结束日期"
          w={260}
          allowSingleDateInRange
          maxDate={today}
          value={choice.range}
          onChange={(range) => onChoice({ ...choice, range: [range[0] ?? null, range[1] ?? null] })}
        />
      );
  }
}

/** 统计期间, its grouping and one item or all. */
export function StatsFilters(props: StatsFiltersProps) {
  const { choice, onChoice, grouping, onGrouping, itemId, onItemId } = props;
  const items = useApiQuery('catalogue.list', { includeInactive: true });
  const itemOptions = (items.data ?? []).map((item) => ({
    value: item.id,
    label: item.active ? item.name : `${item.name}（已停用）`,
  }));

  return (
    <Group align="flex-end" gap="md" mb="lg" role="search" aria-label="统计条件">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="stats-period-kind">
          统计期间
        </Text>
        <SegmentedControl
          aria-labelledby="stats-period-kind"
          data={KIND_OPTIONS}
          value={choice.kind}
          onChange={(kind) => onChoice({ ...choice, kind: kind as PeriodKind })}
        />
      </Stack>
      <PeriodPicker today={props.today} choice={choice} onChoice={onChoice} />
      <Select
        label="汇总方式"
        w={110}
        allowDeselect={false}
        data={GROUPING_OPTIONS}
        value={grouping}
        onChange={(next) => next && onGrouping(next as Grouping)}
      />
      <Select
        label="事项"
        placeholder="全部事项"
        w={280}
        searchable
        clearable
        nothingFoundMessage="没有找到该事项"
        data={itemOptions}
        value={itemId}
        onChange={onItemId}
      />
    </Group>
  );
}
