export { ResidentCard } from './ResidentCard';
export { ResidentLookup } from './ResidentLookup';
export { checkDocument, newResidentErrors } from './resident-checks';
