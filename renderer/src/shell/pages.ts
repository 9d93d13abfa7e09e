import { lazyComponent } from './lazy-component';

/*
 * Every page behind the sign-in screen, each folder fetched the first time one of its pages opens,
 * so that the first screen waits for none of them (issue 12 item 9). A folder's pages share one
 * chunk: opening 纠纷调解 brings the dispute detail with it. What a page imports from another folder
 * comes from that folder's own file (CasePrint/paths), never its index, or the whole folder would follow.
 */

export const HomePage = lazyComponent(() => import('../pages/Home').then((m) => m.HomePage));
export const IntakePage = lazyComponent(() => import('../pages/Intake').then((m) => m.IntakePage));

export const CaseListPage = lazyComponent(() =>
  import('../pages/Cases').then((m) => m.CaseListPage),
);
export const CaseDetailPage = lazyComponent(() =>
  import('../pages/CaseDetail').then((m) => m.CaseDetailPage),
);
export const AgencyPage = lazyComponent(() => import('../pages/Agency').then((m) => m.AgencyPage));
export const AgencyInboxPage = lazyComponent(() =>
  import('../pages/Agency').then((m) => m.AgencyInboxPage),
);
export const AgencyIntakePage = lazyComponent(() =>
  import('../pages/Agency').then((m) => m.AgencyIntakePage),
);
export const ResidentsPage = lazyComponent(() =>
  import('../pages/Residents').then((m) => m.ResidentsPage),
);
export const ResidentPage = lazyComponent(() =>
  import('../pages/Residents').then((m) => m.ResidentPage),
);
export const CataloguePage = lazyComponent(() =>
  import('../pages/Catalogue').then((m) => m.CataloguePage),
);
export const CatalogueItemPage = lazyComponent(() =>
  import('../pages/Catalogue').then((m) => m.CatalogueItemPage),
);
export const NewCatalogueItemPage = lazyComponent(() =>
  import('../pages/Catalogue').then((m) => m.NewCatalogueItemPage),
);
export const FollowupsPage = lazyComponent(() =>
  import('../pages/Followups').then((m) => m.FollowupsPage),
);
export const StatsPage = lazyComponent(() => import('../pages/Stats').then((m) => m.StatsPage));

export const DisputeListPage = lazyComponent(() =>
  import('../pages/Mediation').then((m) => m.DisputeListPage),
);
export const DisputeDetailPage = lazyComponent(() =>
  import('../pages/Mediation').then((m) => m.DisputeDetailPage),
);
export const RegisterDisputePage = lazyComponent(() =>
  import('../pages/Mediation').then((m) => m.RegisterDisputePage),
);
export const AgreementPage = lazyComponent(() =>
  import('../pages/Mediation').then((m) => m.AgreementPage),
);
export const MediatorsPage = lazyComponent(() =>
  import('../pages/Mediators').then((m) => m.MediatorsPage),
);
export const MediationRisksPage = lazyComponent(() =>
  import('../pages/MediationRisks').then((m) => m.MediationRisksPage),
);
export const MediationSettingsPage = lazyComponent(() =>
  import('../pages/MediationSettings').then((m) => m.MediationSettingsPage),
);
export const MediationStatsPage = lazyComponent(() =>
  import('../pages/MediationStats').then((m) => m.MediationStatsPage),
);
export const EventReportsPage = lazyComponent(() =>
  import('../pages/EventReports').then((m) => m.EventReportsPage),
);
export const EventReportDetailPage = lazyComponent(() =>
  import('../pages/EventReports').then((m) => m.EventReportDetailPage),
);

export const UsersPage = lazyComponent(() => import('../pages/Users').then((m) => m.UsersPage));
export const AuditPage = lazyComponent(() => import('../pages/Audit').then((m) => m.AuditPage));
export const BackupsPage = lazyComponent(() =>
  import('../pages/Backups').then((m) => m.BackupsPage),
);
export const HubPage = lazyComponent(() => import('../pages/Hub').then((m) => m.HubPage));
export const SyncProblemsPage = lazyComponent(() =>
  import('../pages/SyncProblems').then((m) => m.SyncProblemsPage),
);
export const HubTerminalsPage = lazyComponent(() =>
  import('../pages/HubTerminals').then((m) => m.HubTerminalsPage),
);
export const SyncConflictsPage = lazyComponent(() =>
  import('../pages/SyncConflicts').then((m) => m.SyncConflictsPage),
);
export const SettingsPage = lazyComponent(() =>
  import('../pages/Settings').then((m) => m.SettingsPage),
);

export const AgencyPrintPage = lazyComponent(() =>
  import('../pages/CasePrint').then((m) => m.AgencyPrintPage),
);
export const ReceiptPrintPage = lazyComponent(() =>
  import('../pages/CasePrint').then((m) => m.ReceiptPrintPage),
);
export const NoticePrintPage = lazyComponent(() =>
  import('../pages/CasePrint').then((m) => m.NoticePrintPage),
);
export const RejectionPrintPage = lazyComponent(() =>
  import('../pages/CasePrint').then((m) => m.RejectionPrintPage),
);
export const CompletionPrintPage = lazyComponent(() =>
  import('../pages/CasePrint').then((m) => m.CompletionPrintPage),
);
export const ResidentRatingPage = lazyComponent(() =>
  import('../pages/ResidentRating').then((m) => m.ResidentRatingPage),
);
export const DisputeNoticePrintPage = lazyComponent(() =>
  import('../pages/MediationPrint').then((m) => m.DisputeNoticePrintPage),
);
export const SessionRecordPrintPage = lazyComponent(() =>
  import('../pages/MediationPrint').then((m) => m.SessionRecordPrintPage),
);
export const AgreementPrintPage = lazyComponent(() =>
  import('../pages/MediationPrint').then((m) => m.AgreementPrintPage),
);
export const JudicialCoverPrintPage = lazyComponent(() =>
  import('../pages/MediationPrint').then((m) => m.JudicialCoverPrintPage),
);
export const FollowUpPrintPage = lazyComponent(() =>
  import('../pages/MediationPrint').then((m) => m.FollowUpPrintPage),
);
