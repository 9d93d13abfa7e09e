import { Button, Group } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useApiMutation } from '../../api';
import { downloadFile } from '../../lib/download';
import { currentMonth } from './stats-range';

/** 导出Excel: the monthly report (本月 and 本年累计) of the chosen month. */
export function StatsExport() {
  const [month, setMonth] = useState<string | null>(`${currentMonth()}-01`);
  const excel = useApiMutation('mediation.statsExcel', {
    onSuccess: (file) => {
      downloadFile(file);
      notifications.show({ color: 'teal', message: `已导出 ${file.fileName}` });
    },
  });
  return (
    <Group gap="xs" align="flex-end">
      <MonthPickerInput
        label="月报月份"
        w={130}
        value={month}
        onChange={setMonth}
        valueFormat="YYYY年M月"
        monthsListFormat="M月"
        yearLabelFormat="YYYY年"
        allowDeselect={false}
      />
      <Button
        disabled={!month}
        loading={excel.isPending}
        onClick={() => month && excel.mutate({ month: month.slice(0, 7) })}
      >
        导出Excel
      </Button>
    </Group>
  );
}
