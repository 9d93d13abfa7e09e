import { Alert } from '@mantine/core';
import { useApiQuery } from '../../api';
import { SYNC_STATUS_REFRESH_MS } from './refresh';

/**
 * 本机时间与县级平台相差约 N 天: above every page while the hub finds this PC's clock ahead. Dates
 * of cases and deadlines follow the PC's clock, so the person at the counter is the one to act.
 */
export function ClockWarning() {
  const status = useApiQuery('sync.status', {}, { refetchInterval: SYNC_STATUS_REFRESH_MS }).data;
  if (!status?.clockWarning) return null;
  return (
    <Alert color="orange" role="alert" title="本机时间不准" mb="md">
      {`${status.clockWarning}。受理日期和办理时限都按本机时间计算，请在系统的“日期和时间”设置中改正，或请单位管理员协助。`}
    </Alert>
  );
}
