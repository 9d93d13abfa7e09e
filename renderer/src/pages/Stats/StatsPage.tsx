import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { MethodInput } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { downloadFile } from '../../lib/download';
import { AgencySection } from './AgencySection';
import { ByItemSection, ByPeriodSection } from './CountsSections';
import { RatingsSection } from './RatingsSection';
import { StatCards } from './StatCards';
import { StatsFilters } from './StatsFilters';
import {
  defaultGrouping,
  initialChoice,
  rangeOf,
  type Grouping,
  type PeriodChoice,
} from './stats-period';

/** 窗口统计: what the counter took in during a period and what has become of it, with 好差评. */
export function StatsPage() {
  const [today] = useState(() => shanghaiDate(Date.now()));
  const [choice, setChoice] = useState<PeriodChoice>(() => initialChoice(today));
  const [groupingChosen, setGroupingChosen] = useState<Grouping | null>(null);
  const [itemId, setItemId] = useState<string | null>(null);
  const range = rangeOf(choice);
  const grouping = groupingChosen ?? defaultGrouping(choice.kind, range);
  const input: MethodInput<'stats.counter'> | null = range
    ? { ...range, period: grouping, ...(itemId ? { itemId } : {}) }
    : null;
  const stats = useApiQuery('stats.counter', input ?? { from: today, to: today }, {
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
  const exportExcel = useApiMutation('stats.counterExcel', {
    onSuccess: (file) => downloadFile(file),
  });

  function changeChoice(next: PeriodChoice) {
    // A new kind of period brings its own sensible grouping; within a kind the choice stays.
    if (next.kind !== choice.kind) setGroupingChosen(null);
    setChoice(next);
  }

  return (
    <>
      <PageHeader
        title="窗口统计"
        description="统计期间内受理（收件）的案件，按截至今天的办理情况计数；好差评按评价日期计数。"
        actions={
          <Button
            variant="default"
            disabled={input === null}
            loading={exportExcel.isPending}
            onClick={() => input && exportExcel.mutate(input)}
          >
            导出Excel
          </Button>
        }
      />
      <StatsFilters
        today={today}
        choice={choice}
        onChoice={changeChoice}
        grouping={grouping}
        onGrouping={setGroupingChosen}
        itemId={itemId}
        onItemId={setItemId}
      />
      {input === null ? (
        <Alert color="blue" variant="light">
          请选择开始日期和结束日期。
        </Alert>
      ) : stats.isPending ? (
        <Center py="xl">
          <Loader aria-label="正在统计" />
        </Center>
      ) : stats.isError ? (
        <Alert color="red" variant="light" role="alert">
          {stats.error.message}
        </Alert>
      ) : (
        <Stack gap="lg" aria-busy={stats.isFetching}>
          <Text size="sm" c="dimmed">
            统计期间：{input.from} 至 {input.to}
          </Text>
          <StatCards stats={stats.data} />
          <ByItemSection stats={stats.data} />
          <ByPeriodSection stats={stats.data} />
          <AgencySection stats={stats.data} />
          <RatingsSection stats={stats.data} />
        </Stack>
      )}
    </>
  );
}
