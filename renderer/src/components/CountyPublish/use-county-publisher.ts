import { useApiQuery } from '../../api';

/**
 * Whether this terminal publishes the county's reference data: the county centre's, while joined
 * to the hub. Reads the last known status (no request to the hub), as the status bar does.
 */
export function useCountyPublisher(): boolean {
  const status = useApiQuery('hub.status', {});
  return status.data?.state === 'connected' && status.data.orgUnit?.level === 'county';
}
