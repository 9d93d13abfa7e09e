export { MediationStatsPage } from './MediationStatsPage';
