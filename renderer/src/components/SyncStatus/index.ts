export { ClockWarning } from './ClockWarning';
export { RecordSyncBadge } from './RecordSyncBadge';
export { SyncNowButton } from './SyncNowButton';
export { SyncStatusItem } from './SyncStatusItem';
export { SYNC_PROBLEMS_PATH } from './paths';
