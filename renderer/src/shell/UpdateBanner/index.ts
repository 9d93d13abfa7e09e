export { UpdateBanner } from './UpdateBanner';
export { UpdateStatusItem } from './UpdateStatusItem';
export type { UpdateNoticeState } from './use-update-notice';
export { useUpdateNotice } from './use-update-notice';
