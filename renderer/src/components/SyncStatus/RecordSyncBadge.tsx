import { Badge } from '@mantine/core';
import { SYNC_RECORD_STATE_LABELS, type SyncRecordState } from '@shared/api';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { SYNC_PROBLEMS_PATH } from './paths';

const COLORS: Record<SyncRecordState, string> = {
  pending: 'yellow',
  synced: 'teal',
  problem: 'red',
};

const TITLES: Record<SyncRecordState, string> = {
  pending: '本机的修改尚未上传县级平台，联网后自动上传',
  synced: '本机的修改均已上传县级平台',
  problem: '县级平台未接收本记录的修改，请负责人在“同步问题”中处理',
};

/** How often a record's badge looks again: a push goes about two seconds after the change. */
const REFRESH_MS = 3_000;

/** 未同步 / 已同步 / 同步问题 of a case, dispute or resident, on a terminal joined to the county hub only. */
export function RecordSyncBadge({
  root,
  id,
}: {
  root: 'cases' | 'disputes' | 'residents';
  id: string;
}) {
  const me = useCurrentUser();
  const state = useApiQuery(
    'sync.recordState',
    { root, id },
    { refetchInterval: REFRESH_MS, meta: { errorShownInline: true } },
  ).data;
  if (!state) return null;
  const badge = (
    <Badge color={COLORS[state]} variant="light" size="lg" title={TITLES[state]}>
      {SYNC_RECORD_STATE_LABELS[state]}
    </Badge>
  );
  if (state !== 'problem' || !canCall(me.role, 'sync.problems')) return badge;
  return (
    <Link to={SYNC_PROBLEMS_PATH} aria-label="同步问题：查看并处理">
      {badge}
    </Link>
  );
}
