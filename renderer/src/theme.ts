import { createTheme, Modal, Notification } from '@mantine/core';

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
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': '关闭' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': '关闭通知' } },
    }),
  },
});
