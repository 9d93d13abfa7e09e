export { CaseStateBadge } from './CaseStateBadge';
