import { Badge, Combobox, Group, InputBase, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ServiceItemSummary } from '@shared/api';
import { SERVICE_ITEM_TYPE_LABELS } from '@shared/domain/catalogue/service-item';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useApiQuery } from '../../api';

interface ItemPickerProps {
  onChange: (item: ServiceItemSummary | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** The item shown when the picker opens, e.g. from a restored draft. */
  initialItem?: ServiceItemSummary | null;
  /** Only the items a village agent may take in. */
  agencyOnly?: boolean;
  label?: string;
  description?: string;
  withAsterisk?: boolean;
  error?: ReactNode;
  /** What to say when a search finds nothing, e.g. why an item is not offered here. */
  renderNothingFound?: (query: string) => ReactNode;
}

function groupByCategory(items: readonly ServiceItemSummary[]) {
  const groups = new Map<string, ServiceItemSummary[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups];
}

function ItemOption({ item }: { item: ServiceItemSummary }) {
  return (
    <Combobox.Option value={item.id}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm">
          {item.name}
          {item.aliases.length > 0 && (
            <Text span size="xs" c="inherit" opacity={0.7}>
              {' '}
              （{item.aliases.join('、')}）
            </Text>
          )}
        </Text>
        <Group gap={6} wrap="nowrap">
          {/* Inherits the option's colour, so it stays legible on the highlighted option. */}
          <Text size="xs" c="inherit" opacity={0.7}>
            {item.code}
          </Text>
          <Badge size="xs" variant="light" color={item.type === 'instant' ? 'teal' : 'blue'}>
            {SERVICE_ITEM_TYPE_LABELS[item.type]}
          </Badge>
        </Group>
      </Group>
    </Combobox.Option>
  );
}

/**
 * The service item, searched on the backend by name or alias (低保), pinyin initials anywhere in
 * either (ylbx, dbsq) or code (0019).
 * Only the answer to what is typed now is offered, its first match highlighted, so Enter always takes
 * the item the clerk sees; Enter pressed before the answer takes its first match when it comes.
 */
export function ItemPicker({
  onChange,
  inputRef,
  disabled,
  initialItem = null,
  agencyOnly,
  label = '办理事项',
  description,
  withAsterisk,
  error,
  renderNothingFound,
}: ItemPickerProps) {
  const combobox = useCombobox();
  const [search, setSearch] = useState(initialItem?.name ?? '');
  const [chosen, setChosen] = useState<ServiceItemSummary | null>(initialItem);
  const enterPending = useRef(false);
  // The input shows the chosen item's name; that is not a search for it.
  const typed = (chosen && search === chosen.name ? '' : search).trim();
  const [query] = useDebouncedValue(typed, 100);
  const items = useApiQuery('catalogue.list', agencyOnly ? { query, agencyOnly } : { query }, {
    placeholderData: keepPreviousData,
  });
  const answer = query === typed && !items.isPlaceholderData ? items.data : undefined;

  function choose(item: ServiceItemSummary | null) {
    enterPending.current = false;
    setChosen(item);
    setSearch(item?.name ?? '');
    combobox.closeDropdown();
    onChange(item);
  }

  useEffect(() => {
    if (!answer) return;
    const [first] = answer;
    if (enterPending.current && first) choose(first);
    else if (first) combobox.selectFirstOption();
    enterPending.current = false;
    // choose and the store change every render; the answer is what this waits for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answer]);

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && !answer && typed !== '') {
      event.preventDefault();
      enterPending.current = true;
    }
  }

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => choose(answer?.find((item) => item.id === id) ?? null)}
    >
      <Combobox.Target withExpandedAttribute>
        <InputBase
          ref={inputRef}
          label={label}
          description={description}
          withAsterisk={withAsterisk}
          error={error}
          placeholder="输入事项名称、简称（如 低保）、拼音首字母或编码"
          disabled={disabled}
          autoComplete="off"
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            setSearch(chosen?.name ?? '');
          }}
          onKeyDown={keyDown}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {groupByCategory(answer ?? []).map(([category, group]) => (
            <Combobox.Group key={category} label={category}>
              {group.map((item) => (
                <ItemOption key={item.id} item={item} />
              ))}
            </Combobox.Group>
          ))}
          {(answer ?? []).length === 0 && (
            <Combobox.Empty>
              {!answer ? '正在查找…' : (renderNothingFound?.(query) ?? '没有找到符合的事项')}
            </Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
