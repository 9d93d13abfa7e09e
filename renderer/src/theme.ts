import { createTheme, Notification, type ModalProps } from '@mantine/core';
import type { DatePickerInputProps } from '@mantine/dates';

// Noto Sans CJK ships with Debian and Microsoft YaHei with Windows: the counters run both.
const CJK_SANS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", system-ui, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: CJK_SANS,
  headings: { fontFamily: CJK_SANS },
  defaultRadius: 'sm',
  // Mantine's own close buttons are unlabeled for screen readers unless told.
  components: {
    // Plain objects rather than Modal.extend: that would bring the modal's code into the first
    // script, whose screens open none (issue 12).
    Modal: {
      defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } satisfies Partial<ModalProps>,
    },
    // Chinese calendar headings read 2026年11月, not the locale's default 十一月 2026. A plain
    // object for the same reason: only the pages with a date field need the date picker's code.
    DatePickerInput: {
      defaultProps: {
        monthLabelFormat: 'YYYY年M月',
        yearLabelFormat: 'YYYY年',
        monthsListFormat: 'M月',
        valueFormat: 'YYYY-MM-DD',
      } satisfies Partial<DatePickerInputProps>,
    },
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': '关闭通知' } },
    }),
  },
});
