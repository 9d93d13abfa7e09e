import type { Kysely } from 'kysely';
import * as foundation from './2026_11_27_0900_foundation';
import * as applications from './2026_11_27_1400_applications';
import * as mediation from './2026_11_27_1600_mediation';
import * as caseWorklists from './2026_11_27_1730_case_worklists';
import * as residentLiveIndexes from './2026_11_27_1800_resident_live_indexes';
import * as caseListIndexes from './2026_11_27_1830_case_list_indexes';
import * as caseSortIndexes from './2026_11_27_1900_case_sort_indexes';
import * as eventReportAttachments from './2026_11_27_2010_event_report_attachments';
import * as disputeListIndexes from './2026_11_27_2100_dispute_list_indexes';
import * as caseStateCreatedIndex from './2026_11_28_0240_case_state_created_index';
import * as caseHandedOverIndex from './2026_11_28_0440_case_handed_over_index';
import * as caseCreatedIndex from './2026_11_28_0500_case_created_index';
import * as residentInitialsCover from './2026_11_28_0520_resident_initials_cover';
import * as caseApplicantInitials from './2026_11_28_0540_case_applicant_initials';
import * as disputeRegisteredIndex from './2026_11_28_0600_dispute_registered_index';
import * as caseInitialsAsRecorded from './2026_11_28_1100_case_initials_as_recorded';
import * as auditChainKeyPending from './2026_12_06_1100_audit_chain_key_pending';
import * as dashboardFigureIndexes from './2026_12_06_1400_dashboard_figure_indexes';
import * as serviceItemAliases from './2026_12_06_1600_service_item_aliases';
import * as residentVillageIndex from './2026_12_06_1000_resident_village_index';
import * as formDrafts from './2026_12_06_1500_form_drafts';
import * as residentAccess from './2026_12_06_1700_resident_access';
import * as referenceEditions from './2026_12_06_1900_reference_editions';
import * as serviceItemIssuer from './2026_12_06_2000_service_item_issuer';
import * as countyReferenceData from './2026_12_06_2030_county_reference_data';
import * as hubAccounts from './2026_12_06_2200_hub_accounts';
import * as syncLog from './2026_12_07_0000_sync_log';
import * as clockFloorFollowsOutbox from './2026_12_07_0100_clock_floor_follows_outbox';
import * as caseSequenceDay from './2026_12_07_0120_case_sequence_day';
import * as attachmentFiles from './2026_12_07_0240_attachment_files';
import * as residentAliases from './2026_12_08_0020_resident_aliases';
import * as syncClockAhead from './2026_12_08_0120_sync_clock_ahead';
import * as residentTombstones from './2026_12_09_0080_resident_tombstones';
import * as clockFloorFromClock from './2026_12_09_0100_clock_floor_from_clock';
import * as steppedVersion from './2026_12_09_0120_stepped_version';
import * as deferredIndexes from './2026_12_09_0140_deferred_indexes';
import * as heldWaitsFor from './2026_12_09_0150_held_waits_for';
import * as outboxPushedThrough from './2026_12_09_0215_outbox_pushed_through';
import * as unreadIndexes from './2026_12_09_0300_unread_indexes';
import * as outboxUnpushedRecord from './2026_12_07_0140_outbox_unpushed_record';
import * as syncPullHeld from './2026_12_07_0201_sync_pull_held';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Listed statically: bundlers break file-system discovery. Append only; never reorder or edit. */
export const migrations: readonly Migration[] = [
  { name: '2026_11_27_0900_foundation', up: foundation.up },
  { name: '2026_11_27_1400_applications', up: applications.up },
  { name: '2026_11_27_1600_mediation', up: mediation.up },
  { name: '2026_11_27_1730_case_worklists', up: caseWorklists.up },
  { name: '2026_11_27_1800_resident_live_indexes', up: residentLiveIndexes.up },
  { name: '2026_11_27_1830_case_list_indexes', up: caseListIndexes.up },
  { name: '2026_11_27_1900_case_sort_indexes', up: caseSortIndexes.up },
  { name: '2026_11_27_2010_event_report_attachments', up: eventReportAttachments.up },
  { name: '2026_11_27_2100_dispute_list_indexes', up: disputeListIndexes.up },
  { name: '2026_11_28_0240_case_state_created_index', up: caseStateCreatedIndex.up },
  { name: '2026_11_28_0440_case_handed_over_index', up: caseHandedOverIndex.up },
  { name: '2026_11_28_0500_case_created_index', up: caseCreatedIndex.up },
  { name: '2026_11_28_0520_resident_initials_cover', up: residentInitialsCover.up },
  { name: '2026_11_28_0540_case_applicant_initials', up: caseApplicantInitials.up },
  { name: '2026_11_28_0600_dispute_registered_index', up: disputeRegisteredIndex.up },
  { name: '2026_11_28_1100_case_initials_as_recorded', up: caseInitialsAsRecorded.up },
  { name: '2026_12_06_1100_audit_chain_key_pending', up: auditChainKeyPending.up },
  { name: '2026_12_06_1400_dashboard_figure_indexes', up: dashboardFigureIndexes.up },
  { name: '2026_12_06_1600_service_item_aliases', up: serviceItemAliases.up },
  { name: '2026_12_06_1000_resident_village_index', up: residentVillageIndex.up },
  { name: '2026_12_06_1500_form_drafts', up: formDrafts.up },
  { name: '2026_12_06_1700_resident_access', up: residentAccess.up },
  { name: '2026_12_06_1900_reference_editions', up: referenceEditions.up },
  { name: '2026_12_06_2000_service_item_issuer', up: serviceItemIssuer.up },
  { name: '2026_12_06_2030_county_reference_data', up: countyReferenceData.up },
  { name: '2026_12_06_2200_hub_accounts', up: hubAccounts.up },
  { name: '2026_12_07_0000_sync_log', up: syncLog.up },
  { name: '2026_12_07_0100_clock_floor_follows_outbox', up: clockFloorFollowsOutbox.up },
  { name: '2026_12_07_0120_case_sequence_day', up: caseSequenceDay.up },
  { name: '2026_12_07_0140_outbox_unpushed_record', up: outboxUnpushedRecord.up },
  { name: '2026_12_07_0201_sync_pull_held', up: syncPullHeld.up },
  { name: '2026_12_07_0240_attachment_files', up: attachmentFiles.up },
  { name: '2026_12_08_0020_resident_aliases', up: residentAliases.up },
  { name: '2026_12_08_0120_sync_clock_ahead', up: syncClockAhead.up },
  { name: '2026_12_09_0080_resident_tombstones', up: residentTombstones.up },
  { name: '2026_12_09_0100_clock_floor_from_clock', up: clockFloorFromClock.up },
  { name: '2026_12_09_0120_stepped_version', up: steppedVersion.up },
  { name: '2026_12_09_0140_deferred_indexes', up: deferredIndexes.up },
  { name: '2026_12_09_0150_held_waits_for', up: heldWaitsFor.up },
  { name: '2026_12_09_0215_outbox_pushed_through', up: outboxPushedThrough.up },
  { name: '2026_12_09_0300_unread_indexes', up: unreadIndexes.up },
];

/**
 * The schema this code writes: every outbox entry carries it, so that the hub knows which columns
 * the writer knew of. Counts migrations, which are only ever appended.
 */
export const SCHEMA_VERSION = migrations.length;
