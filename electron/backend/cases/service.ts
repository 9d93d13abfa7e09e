/**
 * The cases domain as the rest of the backend sees it: the use cases its handlers call, and the few
 * pieces other domains build on. Inside, a folder per part: intake/ (taking a case in at the window,
 * with its number and checklist), agency/ (filing at the village, receipt at the township),
 * workflow/ (transitions, the case clock, timeline notes), detail/ (the case page and its papers),
 * list/ (案件查询 as SQL), search/ (what a search box entry matches), export/ (the Excel sheet),
 * dashboard/ (工作台). The case row itself (repository.ts, writes.ts) and who may see or act on a
 * case (access.ts) are shared by all of them.
 */
export { agencyIntake, receive } from './agency/agency';
export { caseDashboard } from './dashboard/service';
export { dashboardFigures } from './dashboard/figures';
export { caseDetail } from './detail/detail';
export { recordPrint } from './detail/print';
export { exportCases } from './export/service';
export { intake } from './intake/intake';
export { casesOfResident, listCases } from './list/service';
export { applyTransition, handOut, supplement } from './workflow/workflow';
// Run by the backend at start, once per database.
export { handOutOnSpotBacklog } from './repairs/on-spot-hand-out';

// What other domains use: attachments and ratings hang off a case its reader may see; the search
// index rebuild writes the case entries intake writes.
export { actionableCase, visibleCase } from './access';
export { stateOf } from './repository';
export { caseFtsValues, indexCaseForSearch } from './intake/search-index';

// The bench's generator writes cases' clocks and timeline notes as the use cases do.
export { resumeFields } from './workflow/clock';
export { withNote } from './workflow/notes';
