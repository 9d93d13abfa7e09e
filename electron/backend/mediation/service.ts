/**
 * Mediation as the other domains see it. The screens reach it through handlers.ts; another domain
 * imports from here and nowhere deeper, so the folders below can change without it noticing.
 */

export {
  ensureCode,
  mediationLists,
  mediationReference,
  referenceLabel,
} from './dispute/reference';
export { MediationListsCache } from './dispute/lists-cache';
export {
  applyDisputeTypesEdition,
  applyMediationReferenceEdition,
} from './dispute/reference-appliers';
export { applyRosterEdition } from './roster/roster-applier';
export { mediatorsOf } from './roster/team-repository';
export { disputeFtsValues } from './list/search-index';
export { addAccountToRoster } from './roster/roster';

// The bench's generator numbers, names and indexes disputes as registration does; a pull indexes
// them with the same values.
export { indexDispute, nameBigrams } from './list/search-index';
export { effectiveAbbreviation } from './register/numbering';
export { partyNamesOf } from './register/party-input';
export { NOT_YET_CONCLUDED } from './register/register';
