export { DeadlineText, deadlineText, DisputeStateBadge, RiskBadge } from './DisputeStatus';
