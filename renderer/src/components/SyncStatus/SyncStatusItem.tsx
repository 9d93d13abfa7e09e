import { Badge, Button, Text } from '@mantine/core';
import type { SyncStatus } from '@shared/api';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { SYNC_PROBLEMS_PATH } from './paths';

/** Often enough that 待上传 falls to 0 within a few seconds of a push. */
const REFRESH_MS = 3_000;

function Problems({ count }: { count: number }) {
  const me = useCurrentUser();
  if (count === 0) return null;
  const label = `同步问题 ${count} 条`;
  return canCall(me.role, 'sync.problems') ? (
    <Button component={Link} to={SYNC_PROBLEMS_PATH} size="compact-sm" color="red" variant="light">
      {label}
    </Button>
  ) : (
    <Badge color="red" variant="light">
      {label}
    </Badge>
  );
}

function Figures({ status }: { status: SyncStatus }) {
  return (
    <>
      <Badge
        color={status.online ? 'teal' : 'orange'}
        variant="light"
        title={status.lastError ?? undefined}
      >
        {status.online ? '在线' : '离线'}
      </Badge>
      <Text size="sm">最近同步：{formatDateTime(status.lastSyncAt)}</Text>
      <Text size="sm" aria-label="待上传">
        待上传 {status.waiting} 条
      </Text>
      <Problems count={status.problems} />
    </>
  );
}

/**
 * The status bar's sync of records: reachable or not, the last good sync (Beijing time), how many
 * changes wait to go up and how many the hub refused. `fallback` stands in on a terminal not joined.
 */
export function SyncStatusItem({ fallback }: { fallback: ReactNode }) {
  const status = useApiQuery('sync.status', {}, { refetchInterval: REFRESH_MS }).data;
  if (!status?.enrolled) return <>{fallback}</>;
  return <Figures status={status} />;
}
