import { DateInput, type DateInputProps } from '@mantine/dates';
import { parseTypedDate } from './parse-typed-date';

/**
 * A date typed or picked, held as 'YYYY-MM-DD' like every date of the contract. Typing suits the
 * keyboard-first forms better than a picker alone.
 */
export function DateField(props: DateInputProps) {
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="如 2026-11-27"
      dateParser={parseTypedDate}
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      clearable={!props.withAsterisk}
      {...props}
    />
  );
}
