import { applyCalendarEdition } from '../calendar/reference-applier';
import { applyCatalogueEdition } from '../catalogue/hub-edition';
import type { ReferenceAppliers } from '../hub/applier-context';
import {
  applyDisputeTypesEdition,
  applyMediationReferenceEdition,
} from '../mediation/dispute/reference-appliers';
import { applyRosterEdition } from '../mediation/roster/roster-applier';

/**
 * Each kind's applier lives beside the data it writes; the backend hands this map to the hub's sync
 * cycle, so that hub/ never imports the domains whose data it carries.
 */
export const REFERENCE_APPLIERS: ReferenceAppliers = {
  catalogue: applyCatalogueEdition,
  calendar: applyCalendarEdition,
  disputeTypes: applyDisputeTypesEdition,
  mediationReference: applyMediationReferenceEdition,
  roster: applyRosterEdition,
};
