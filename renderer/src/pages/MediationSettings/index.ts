export { sampleCaseNumber } from './abbreviation';
export { MediationSettingsPage } from './MediationSettingsPage';
export { MEDIATION_SETTINGS_PATH } from './path';
