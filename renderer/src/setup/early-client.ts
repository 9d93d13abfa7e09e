import { createApiClient } from '../api/client';

/**
 * The page's one API client, made before React and Mantine are evaluated so that the terminal's
 * status, which decides the first screen, is on its way while they are (issue 12: first screen).
 * It imports no React: module evaluation runs in import order, and main.tsx imports this early.
 */
export const client = createApiClient(window);

export const firstStatus = client.call('system.status', {});
