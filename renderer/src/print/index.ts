export {
  PaperHeading,
  PaperParagraph,
  PaperRow,
  PaperSeal,
  PaperSignatures,
  PaperTable,
  Sheet,
} from './paper';
export { formatPaperDate } from './paper-date';
export { PrintPage } from './PrintPage';
