export { CaseStateBadge } from './CaseStateBadge';
export { CaseDeadlineBadge, DueDate } from './DueDate';
