export { SyncProblemsPage } from './SyncProblemsPage';
