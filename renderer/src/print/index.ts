export { PaperClosing, PaperHeading, PaperParagraph, PaperRow, PaperTable, Sheet } from './paper';
export { formatPaperDate } from './paper-date';
export { PrintPage } from './PrintPage';
