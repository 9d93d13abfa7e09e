export { DeskModals } from './DeskModals';
