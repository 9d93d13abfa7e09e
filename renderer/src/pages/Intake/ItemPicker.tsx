import { Badge, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ServiceItemSummary } from '@shared/api';
import { SERVICE_ITEM_TYPE_LABELS } from '@shared/domain/catalogue/service-item';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type Ref } from 'react';
import { useApiQuery } from '../../api';

interface ItemPickerProps {
  /** The chosen item's id, or null. */
  value: string | null;
  onChange: (item: ServiceItemSummary | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
}

function groupByCategory(items: readonly ServiceItemSummary[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const item of items) {
    const group = groups.get(item.category) ?? [];
    group.push({ value: item.id, label: item.name });
    groups.set(item.category, group);
  }
  return [...groups].map(([group, options]) => ({ group, items: options }));
}

/**
 * The service item, searched on the backend by Chinese text, pinyin initials (gljt) or code (0019),
 * so the options are shown as the backend returns them rather than filtered again here.
 */
export function ItemPicker({ value, onChange, inputRef, disabled }: ItemPickerProps) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ServiceItemSummary | null>(null);
  // The input shows the chosen item's name; that is not a search for it.
  const typed = chosen && search === chosen.name ? '' : search;
  const [query] = useDebouncedValue(typed.trim(), 150);
  const items = useApiQuery('catalogue.list', { query }, { placeholderData: keepPreviousData });
  const byId = new Map((items.data ?? []).map((item) => [item.id, item]));
  if (chosen) byId.set(chosen.id, chosen);

  return (
    <Select
      ref={inputRef}
      label="办理事项"
      placeholder="输入事项名称、拼音首字母或编码"
      searchable
      clearable
      disabled={disabled}
      selectFirstOptionOnChange
      maxDropdownHeight={320}
      nothingFoundMessage={items.isFetching ? '正在查找…' : '没有找到符合的事项'}
      data={groupByCategory([...byId.values()])}
      filter={({ options }) => options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const item = id ? (byId.get(id) ?? null) : null;
        setChosen(item);
        onChange(item);
      }}
      renderOption={({ option }) => {
        const item = byId.get(option.value);
        return (
          <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {item && (
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {item.code}
                </Text>
                <Badge size="xs" variant="light" color={item.type === 'instant' ? 'teal' : 'blue'}>
                  {SERVICE_ITEM_TYPE_LABELS[item.type]}
                </Badge>
              </Group>
            )}
          </Group>
        );
      }}
    />
  );
}
