/** Often enough that 待上传 falls to 0 within a few seconds of a push. */
export const SYNC_STATUS_REFRESH_MS = 3_000;
