export { AgreementPrintPage } from './AgreementPrintPage';
export { DisputeNoticePrintPage } from './NoticePrintPage';
export { SessionRecordPrintPage } from './SessionRecordPrintPage';
export { FollowUpPrintPage } from './FollowUpPrintPage';
export { JudicialCoverPrintPage } from './JudicialCoverPrintPage';
export { useCountedPrint } from './use-counted-print';
export {
  Clause,
  NumberedList,
  SealBlock,
  SignatureBlock,
  SignLine,
  SubHeading,
} from './paper-parts';
