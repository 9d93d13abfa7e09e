export { MediatorsPage } from './MediatorsPage';
export { OffRosterNotice } from './OffRosterNotice';
