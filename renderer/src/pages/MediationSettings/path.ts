/** Where the supervisor sets the case-number abbreviation; registration points here when it is missing. */
export const MEDIATION_SETTINGS_PATH = '/mediation/settings';
