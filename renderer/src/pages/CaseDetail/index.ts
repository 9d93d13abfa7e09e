export { CaseDetailPage } from './CaseDetailPage';
