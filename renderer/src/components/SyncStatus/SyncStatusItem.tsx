import { Badge, Button, Group, Progress, Text } from '@mantine/core';
import type { SyncStatus } from '@shared/api';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { SYNC_PROBLEMS_PATH } from './paths';
import { SYNC_STATUS_REFRESH_MS } from './refresh';

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

/**
 * A long pull (a new terminal's first sync) shows how far it has come in the place of 最近同步,
 * which it is about to replace; the counter keeps working meanwhile.
 */
function LastSyncOrProgress({ lastSyncAt }: { lastSyncAt: string | null }) {
  const progress = useApiQuery(
    'hub.pullProgress',
    {},
    { refetchInterval: SYNC_STATUS_REFRESH_MS, meta: { errorShownInline: true } },
  ).data;
  if (!progress?.running || progress.remaining === 0)
    return <Text size="sm">最近同步：{formatDateTime(lastSyncAt)}</Text>;
  const total = progress.applied + progress.remaining;
  return (
    <Group gap={6} wrap="nowrap" aria-label="下载进度">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        正在下载 {progress.applied.toLocaleString('zh-CN')} / 约 {total.toLocaleString('zh-CN')} 条
      </Text>
      <Progress
        value={(progress.applied / total) * 100}
        w={60}
        size="sm"
        aria-label="下载记录进度"
      />
    </Group>
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
      <LastSyncOrProgress lastSyncAt={status.lastSyncAt} />
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
  const status = useApiQuery('sync.status', {}, { refetchInterval: SYNC_STATUS_REFRESH_MS }).data;
  if (!status?.enrolled) return <>{fallback}</>;
  return <Figures status={status} />;
}
