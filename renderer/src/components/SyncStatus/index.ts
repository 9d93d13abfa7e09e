export { ClockWarning } from './ClockWarning';
export { RecordSyncBadge } from './RecordSyncBadge';
export { SyncStatusItem } from './SyncStatusItem';
export { SYNC_PROBLEMS_PATH } from './paths';
