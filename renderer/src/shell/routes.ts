import { EVENT_REPORT_READERS, type Role } from '@shared/api';
import type { ComponentType } from 'react';
import { rolesOf } from '../lib/access';
import {
  AgencyIntakePage,
  AgencyPrintPage,
  AgreementPage,
  AgreementPrintPage,
  CaseDetailPage,
  CatalogueItemPage,
  CompletionPrintPage,
  DisputeDetailPage,
  DisputeNoticePrintPage,
  EventReportDetailPage,
  FollowUpPrintPage,
  JudicialCoverPrintPage,
  NewCatalogueItemPage,
  NoticePrintPage,
  ReceiptPrintPage,
  RegisterDisputePage,
  RejectionPrintPage,
  ResidentPage,
  ResidentRatingPage,
  SessionRecordPrintPage,
} from './pages';

interface RouteItem {
  /** A react-router path; may hold parameters such as /cases/:id. */
  path: string;
  /** Who may open it; the backend checks again on every call. */
  roles: readonly Role[];
  Page: ComponentType;
}

/**
 * Pages reached by a link rather than the menu (a case, a resident, a dispute). They render inside
 * the app shell like the menu's pages.
 */
export const LINKED_ROUTES: readonly RouteItem[] = [
  { path: '/mediation/new', roles: rolesOf('mediation.register'), Page: RegisterDisputePage },
  { path: '/mediation/:id', roles: rolesOf('mediation.get'), Page: DisputeDetailPage },
  { path: '/event-reports/:id', roles: EVENT_REPORT_READERS, Page: EventReportDetailPage },
  { path: '/residents/:id', roles: rolesOf('residents.get'), Page: ResidentPage },
  { path: '/catalogue/new', roles: rolesOf('catalogue.save'), Page: NewCatalogueItemPage },
  { path: '/catalogue/:id', roles: rolesOf('catalogue.get'), Page: CatalogueItemPage },
  {
    path: '/mediation/:id/agreement',
    roles: rolesOf('mediation.saveAgreementDraft'),
    Page: AgreementPage,
  },
  { path: '/cases/:id', roles: rolesOf('cases.get'), Page: CaseDetailPage },
  { path: '/agency/new', roles: rolesOf('cases.agencyIntake'), Page: AgencyIntakePage },
];

/** Who may print a case's papers (print.record). */
const CASE_PRINTERS: readonly Role[] = ['admin', 'supervisor', 'clerk', 'agent'];

/**
 * Pages that fill the window without the app shell: print views under /print/ (the preview on
 * screen is the A4 sheet exactly as it comes out of the printer or into the PDF) and views the clerk
 * turns toward the resident under /resident/ (the 好差评 rating).
 */
export const BARE_ROUTES: readonly RouteItem[] = [
  { path: '/print/cases/:id/receipt', roles: CASE_PRINTERS, Page: ReceiptPrintPage },
  { path: '/print/cases/:id/notice', roles: CASE_PRINTERS, Page: NoticePrintPage },
  { path: '/print/cases/:id/rejection', roles: CASE_PRINTERS, Page: RejectionPrintPage },
  { path: '/print/cases/:id/completion', roles: CASE_PRINTERS, Page: CompletionPrintPage },
  { path: '/print/cases/:id/agency', roles: CASE_PRINTERS, Page: AgencyPrintPage },
  { path: '/resident/rate/:caseId', roles: rolesOf('ratings.submit'), Page: ResidentRatingPage },
  {
    path: '/print/mediation/:id/notice',
    roles: rolesOf('mediation.printNotice'),
    Page: DisputeNoticePrintPage,
  },
  {
    path: '/print/mediation/:id/sessions/:sessionId',
    roles: rolesOf('mediation.printSessionRecord'),
    Page: SessionRecordPrintPage,
  },
  {
    path: '/print/mediation/:id/agreement',
    roles: rolesOf('mediation.printAgreement'),
    Page: AgreementPrintPage,
  },
  {
    path: '/print/mediation/:id/judicial',
    roles: rolesOf('mediation.printJudicialCover'),
    Page: JudicialCoverPrintPage,
  },
  {
    path: '/print/mediation/:id/follow-up/:followUpId',
    roles: rolesOf('mediation.printFollowUp'),
    Page: FollowUpPrintPage,
  },
];

export function routesFor(routes: readonly RouteItem[], role: Role): RouteItem[] {
  return routes.filter((route) => route.roles.includes(role));
}
