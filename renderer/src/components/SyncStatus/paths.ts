export const SYNC_PROBLEMS_PATH = '/sync/problems';
