import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ServiceItemSummary } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
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

/**
 * Only the items the catalogue opens to village agency, searched on the backend as at the counter's
 * 受理: by name or alias (低保), pinyin initials anywhere in either (gljt, dbsq) or code (0019).
 */
export function AgencyItemSelect({ value, onChange, error, ref }: AgencyItemSelectProps) {
  const [search, setSearch] = useState('');
  const all = useApiQuery('catalogue.list', { agencyOnly: true });
  const selected = all.data?.find((item) => item.id === value) ?? null;
  // The input shows the chosen item's name; that is not a search for it.
  const typed = (selected && search === selected.name ? '' : search).trim();
  const [query] = useDebouncedValue(typed, 100);
  const found = useApiQuery(
    'catalogue.list',
    { query, agencyOnly: true },
    { enabled: query !== '', placeholderData: keepPreviousData },
  );
  const matches = typed === '' ? all.data : found.data;
  // Nothing open to agency: say whether the item exists and must be taken to the township.
  const elsewhere = useApiQuery(
    'catalogue.list',
    { query },
    { enabled: query !== '' && query === typed && found.data?.length === 0 },
  );
  // While nothing is typed the chosen item stays listed; a search lists only what it found, so that
  // the message for an item closed to agency is not hidden behind it.
  const options =
    typed === '' && selected && !matches?.some((item) => item.id === selected.id)
      ? [...(matches ?? []), selected]
      : (matches ?? []);
  const nothingFound =
    query !== typed || found.isPlaceholderData || (found.data?.length === 0 && !elsewhere.data)
      ? '正在查找…'
      : elsewhere.data && elsewhere.data.length > 0
        ? `${elsewhere.data.map((item) => item.name).join('、')}不能由村（社区）代办，请申请人到乡镇（街道）窗口办理`
        : '没有找到符合的事项';
  return (
    <Select
      ref={ref}
      label="代办事项"
      withAsterisk
      searchable
      placeholder="输入事项名称、简称（如 低保）、拼音首字母或编码"
      description="只列出允许村（社区）代办的事项"
      nothingFoundMessage={nothingFound}
      maxDropdownHeight={320}
      data={grouped(options)}
      filter={({ options: shown }) => shown}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
