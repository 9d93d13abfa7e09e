export { AgencyInboxPage } from './AgencyInboxPage';
export { AgencyIntakePage } from './AgencyIntakePage';
export { AgencyPage } from './AgencyPage';
