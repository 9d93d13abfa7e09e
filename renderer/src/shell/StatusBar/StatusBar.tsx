import { Badge, Divider, Group, Text } from '@mantine/core';
import { ROLE_LABELS, type HubState, type SystemStatus, type User } from '@shared/api';
import { useApiQuery } from '../../api';
import { SyncStatusItem } from '../../components/SyncStatus';
import { formatDateTime } from '../../lib/time';
import { UpdateStatusItem, type UpdateNoticeState } from '../UpdateBanner';

const HUB_BADGES: Record<HubState, { label: string; color: string }> = {
  // Until sync with the county hub exists, offline is the normal state, not a fault.
  standalone: { label: '离线（未配置县级平台）', color: 'gray' },
  pending: { label: '已加入县级平台', color: 'gray' },
  connected: { label: '已加入县级平台', color: 'gray' },
  revoked: { label: '已被县级平台停用', color: 'red' },
  tokenMissing: { label: '县级平台凭证丢失', color: 'orange' },
};

/** The enrolment as this terminal last knew it; the 县级平台 page asks the hub itself. */
function HubBadge() {
  const hub = useApiQuery('hub.status', {}, { refetchInterval: 60_000 });
  const badge = HUB_BADGES[hub.data?.state ?? 'standalone'];
  return (
    <Badge color={badge.color} variant="light" title={hub.data?.problem ?? undefined}>
      {badge.label}
    </Badge>
  );
}

/**
 * A joined terminal the hub no longer serves says so beside the sync figures: 离线 alone would let
 * the clerk wait for a connection that will not come back without a new code.
 */
function HubTrouble() {
  const state = useApiQuery('hub.status', {}, { refetchInterval: 60_000 }).data?.state;
  return state === 'revoked' || state === 'tokenMissing' ? <HubBadge /> : null;
}

interface StatusBarProps {
  status: SystemStatus;
  user: User;
  updates: UpdateNoticeState;
}

/** The facts a person at the counter may need at a glance: who, where, which terminal, synced, backed up. */
export function StatusBar({ status, user, updates }: StatusBarProps) {
  const { terminal } = status;
  const terminalLabel = terminal ? `${terminal.name}（${terminal.number} 号终端）` : '未登记终端';
  return (
    <Group h="100%" px="md" gap="sm" wrap="nowrap" role="status" aria-label="状态栏">
      <Text size="sm">
        {user.displayName}（{ROLE_LABELS[user.role]}）
      </Text>
      <Divider orientation="vertical" />
      {/* Long unit and terminal names give way to the sync figures at 1280 px; hovering shows them. */}
      <Text size="sm" truncate="end" maw={180} title={user.orgUnitName}>
        {user.orgUnitName}
      </Text>
      <Divider orientation="vertical" />
      <Text size="sm" truncate="end" maw={200} title={terminalLabel}>
        {terminalLabel}
      </Text>
      <Divider orientation="vertical" />
      <HubTrouble />
      <SyncStatusItem
        fallback={
          status.online ? (
            <Badge color="teal" variant="light">
              在线
            </Badge>
          ) : (
            <HubBadge />
          )
        }
      />
      <Divider orientation="vertical" />
      <Text size="sm">
        最近备份：{status.lastBackupAt ? formatDateTime(status.lastBackupAt) : '尚未备份'}
      </Text>
      {status.backupWarning ? (
        <Badge color="red" variant="light" title={status.backupWarning}>
          {status.backupWarning.startsWith('磁盘') ? '磁盘空间不足' : '备份未完成'}
        </Badge>
      ) : null}
      <Divider orientation="vertical" />
      <UpdateStatusItem {...updates} />
    </Group>
  );
}
