export { EventReportDetailPage } from './EventReportDetailPage';
export { EventReportsPage } from './EventReportsPage';
