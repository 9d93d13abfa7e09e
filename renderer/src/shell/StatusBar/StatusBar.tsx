import { Badge, Divider, Group, Text } from '@mantine/core';
import { ROLE_LABELS, type SystemStatus, type User } from '@shared/api';
import { formatDateTime } from '../../lib/time';

interface StatusBarProps {
  status: SystemStatus;
  user: User;
}

/** The facts a person at the counter may need at a glance: who, where, which terminal, synced, backed up. */
export function StatusBar({ status, user }: StatusBarProps) {
  const { terminal } = status;
  return (
    <Group h="100%" px="md" gap="sm" wrap="nowrap" role="status" aria-label="状态栏">
      <Text size="sm">
        {user.displayName}（{ROLE_LABELS[user.role]}）
      </Text>
      <Divider orientation="vertical" />
      <Text size="sm">{user.orgUnitName}</Text>
      <Divider orientation="vertical" />
      <Text size="sm">
        {terminal ? `${terminal.name}（${terminal.number} 号终端）` : '未登记终端'}
      </Text>
      <Divider orientation="vertical" />
      {status.online ? (
        <Badge color="teal" variant="light">
          在线
        </Badge>
      ) : (
        // Until sync with the county hub exists, offline is the normal state, not a fault.
        <Badge color="gray" variant="light">
          离线（未配置县级平台）
        </Badge>
      )}
      <Divider orientation="vertical" />
      <Text size="sm">
        最近备份：{status.lastBackupAt ? formatDateTime(status.lastBackupAt) : '尚未备份'}
      </Text>
      {status.backupWarning ? (
        <Badge color="red" variant="light" title={status.backupWarning}>
          {status.backupWarning.startsWith('磁盘') ? '磁盘空间不足' : '备份未完成'}
        </Badge>
      ) : null}
    </Group>
  );
}
