/** The signatures live beside the sync contract: the hub sniffs uploads by the same rules. */
export { contentMatchesMime } from '@shared/sync/blob-contract';
