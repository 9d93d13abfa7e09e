export { SyncConflictsPage } from './SyncConflictsPage';
