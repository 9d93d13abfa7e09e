// The database as Kysely sees it: the table interfaces live in tables/, one file per domain, and are
// re-exported here so that every importer names one module.
import type {
  OutboxTable,
  OutboxPushedTable,
  SyncProblemsTable,
  SyncPullHeldTable,
  SyncStateTable,
} from './tables/sync';
import type { HubAccountsTable } from './tables/hub-accounts';
import type { AttachmentFilesTable } from './tables/attachment-files';
import type {
  OrgUnitsTable,
  TerminalsTable,
  UsersTable,
  AuditLogTable,
  SettingsTable,
  HolidayCalendarTable,
  ReferenceDataTable,
  AttachmentsTable,
  PrintCountsTable,
  FormDraftsTable,
  ReferenceEditionsTable,
} from './tables/foundation';
import type {
  ResidentsTable,
  ResidentBigramsTable,
  ResidentAccessTable,
  ResidentAliasesTable,
} from './tables/residents';
import type { ServiceItemsTable, ServiceItemVersionsTable } from './tables/catalogue';
import type {
  CasesTable,
  CaseMaterialsTable,
  CaseEventsTable,
  CaseSequencesTable,
  RatingsTable,
  RatingFollowupsTable,
} from './tables/cases';
import type {
  MediationSettingsTable,
  MediatorsTable,
  DisputesTable,
  DisputeBigramsTable,
  DisputePartiesTable,
  DisputeReadersTable,
  DisputeMediatorsTable,
  DisputeEventsTable,
  MediationSessionsTable,
  DisputeExtensionsTable,
  DisputeAgreementsTable,
  DisputeFollowUpsTable,
  EventReportsTable,
} from './tables/mediation';

export type * from './tables/sync';
export type * from './tables/foundation';
export type * from './tables/residents';
export type * from './tables/catalogue';
export type * from './tables/cases';
export type * from './tables/mediation';
export type * from './tables/hub-accounts';
export type * from './tables/attachment-files';

export interface Database {
  org_units: OrgUnitsTable;
  terminals: TerminalsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  outbox_pushed: OutboxPushedTable;
  sync_state: SyncStateTable;
  sync_problems: SyncProblemsTable;
  sync_pull_held: SyncPullHeldTable;
  settings: SettingsTable;
  service_items: ServiceItemsTable;
  service_item_versions: ServiceItemVersionsTable;
  residents: ResidentsTable;
  resident_bigrams: ResidentBigramsTable;
  resident_access: ResidentAccessTable;
  resident_aliases: ResidentAliasesTable;
  cases: CasesTable;
  case_materials: CaseMaterialsTable;
  case_events: CaseEventsTable;
  case_sequences: CaseSequencesTable;
  ratings: RatingsTable;
  rating_followups: RatingFollowupsTable;
  attachments: AttachmentsTable;
  print_counts: PrintCountsTable;
  holiday_calendar: HolidayCalendarTable;
  reference_data: ReferenceDataTable;
  mediation_settings: MediationSettingsTable;
  mediators: MediatorsTable;
  disputes: DisputesTable;
  dispute_bigrams: DisputeBigramsTable;
  dispute_parties: DisputePartiesTable;
  dispute_readers: DisputeReadersTable;
  dispute_mediators: DisputeMediatorsTable;
  dispute_events: DisputeEventsTable;
  mediation_sessions: MediationSessionsTable;
  dispute_extensions: DisputeExtensionsTable;
  dispute_agreements: DisputeAgreementsTable;
  dispute_follow_ups: DisputeFollowUpsTable;
  event_reports: EventReportsTable;
  form_drafts: FormDraftsTable;
  reference_editions: ReferenceEditionsTable;
  hub_accounts: HubAccountsTable;
  attachment_files: AttachmentFilesTable;
}
