export { AgreementPrintPage } from './AgreementPrintPage';
export { DisputeNoticePrintPage } from './NoticePrintPage';
export { SessionRecordPrintPage } from './SessionRecordPrintPage';
export { useCountedPrint } from './use-counted-print';
export {
  Clause,
  NumberedList,
  SealBlock,
  SignatureBlock,
  SignLine,
  SubHeading,
} from './paper-parts';
