export {
  AgencyPrintPage,
  CompletionPrintPage,
  NoticePrintPage,
  ReceiptPrintPage,
  RejectionPrintPage,
} from './CasePrintPage';
export { CASE_DOCUMENT_TITLES, casePrintPath, paperAfterIntake, type CaseDocument } from './paths';
