export { ResidentPage } from './ResidentPage';
export { ResidentsPage } from './ResidentsPage';
