export { MediationRisksPage } from './MediationRisksPage';
