import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Backup } from '@shared/api';
import { formatDateTime } from '../../lib/time';

/** Restoring replaces everyone's data, so it always asks first and says what will happen. */
export function confirmRestore(backup: Backup, onConfirm: () => void) {
  modals.openConfirmModal({
    title: '恢复备份',
    children: (
      <Stack gap="xs">
        <Text>确定要把数据恢复到 {formatDateTime(backup.createdAt)} 的备份吗？</Text>
        <Text size="sm">恢复前，系统会先把当前数据另外备份一份，以便需要时找回。</Text>
        <Text size="sm">恢复后，所有已登录的人都会退出登录，需要重新登录。</Text>
        <Text size="sm" c="red">
          该备份之后录入的数据将不在恢复后的数据中。
        </Text>
      </Stack>
    ),
    labels: { confirm: '恢复', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm,
  });
}
