import type { Result, SystemStatus } from '@shared/api';
import { createApiClient } from '../api/client';

/**
 * The page's one API client, made by the page's first script before React and Mantine are even
 * fetched, so that the terminal's status, which decides the first screen, is on its way while they
 * are (issue 12: first screen). It imports no React and no zod schema.
 */
export const client = createApiClient(window);

export const firstStatus = client.call('system.status', {});

let arrived: Result<SystemStatus> | null = null;
void firstStatus.then((result) => (arrived = result));

/** The status's answer if it came before React started, so that the first render can use it. */
export function firstStatusIfArrived(): Result<SystemStatus> | null {
  return arrived;
}
