import { ActionIcon } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useRef, useState, type KeyboardEvent } from 'react';
import { parseTypedDate } from './parse-typed-date';

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" aria-hidden>
      <rect x="3" y="5" width="18" height="16" rx="2" strokeWidth="2" />
      <path d="M3 10h18M8 3v4M16 3v4" strokeWidth="2" />
    </svg>
  );
}

/**
 * A date typed (2026-12-06, 20261206, 2026年12月6日) or picked, held as 'YYYY-MM-DD' like every date
 * of the contract. The calendar opens on demand only (the button beside the field, or ↓), so a field
 * that gets the focus never covers the next one; Escape closes the calendar alone, not the dialog
 * around it (Mantine's modal ignores an Escape whose target carries data-mantine-stop-propagation).
 */
export function DateField({ popoverProps, onKeyDown, onChange, ...props }: DateInputProps) {
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const label = typeof props.label === 'string' ? props.label : '日期';

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && !open) {
      event.preventDefault();
      setOpen(true);
    } else if (event.key === 'Escape' && open) {
      setOpen(false);
    }
    onKeyDown?.(event);
  }

  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="如 2026-11-27"
      dateParser={parseTypedDate}
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      clearable={!props.withAsterisk}
      clearSectionMode="both"
      rightSection={
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`${label}：打开日历`}
          aria-expanded={open}
          disabled={props.disabled || props.readOnly}
          // The focus goes to the field: typing goes on there, and Escape reaches the calendar.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            inputRef.current?.focus();
            setOpen((current) => !current);
          }}
        >
          <CalendarIcon />
        </ActionIcon>
      }
      rightSectionPointerEvents="all"
      data-mantine-stop-propagation={open || undefined}
      {...props}
      ref={inputRef}
      onKeyDown={keyDown}
      onChange={(value) => {
        setOpen(false);
        onChange?.(value);
      }}
      popoverProps={{ ...popoverProps, opened: open, onDismiss: () => setOpen(false) }}
    />
  );
}
