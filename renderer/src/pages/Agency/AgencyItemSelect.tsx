import { Select } from '@mantine/core';
import type { ServiceItemSummary } from '@shared/api';
import type { Ref } from 'react';
import { useApiQuery } from '../../api';

interface AgencyItemSelectProps {
  value: string | null;
  onChange: (itemId: string | null) => void;
  error?: string | null;
  ref?: Ref<HTMLInputElement>;
}

/** Items grouped by category, in the catalogue's order. */
function grouped(items: readonly ServiceItemSummary[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const item of items) {
    const options = groups.get(item.category) ?? [];
    options.push({ value: item.id, label: item.name });
    groups.set(item.category, options);
  }
  return [...groups].map(([group, options]) => ({ group, items: options }));
}

/** Only the items the catalogue opens to village agency. */
export function AgencyItemSelect({ value, onChange, error, ref }: AgencyItemSelectProps) {
  const items = useApiQuery('catalogue.list', { agencyOnly: true });
  return (
    <Select
      ref={ref}
      label="代办事项"
      withAsterisk
      searchable
      placeholder="输入事项名称查找"
      description="只列出允许村（社区）代办的事项"
      nothingFoundMessage="没有可代办的该事项，请申请人到乡镇（街道）窗口办理"
      maxDropdownHeight={320}
      data={grouped(items.data ?? [])}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
