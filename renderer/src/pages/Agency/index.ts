export { AgencyInboxPage } from './AgencyInboxPage';
export { AgencyIntakePage } from './AgencyIntakePage';
export { AgencyPage } from './AgencyPage';
export { INBOX_ROLES } from './inbox-roles';
