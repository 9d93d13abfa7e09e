import { Alert, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SystemStatus } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { BackupTable, confirmRestore } from '../../components/BackupTable';
import { CenteredScreen } from '../../components/CenteredScreen';
import { DeskModals } from '../../components/DeskModals';

interface DatabaseDamagedPageProps {
  /** Carries the integrity check's finding. */
  status: SystemStatus;
}

/** Nobody can sign in to a damaged database, so restoring a backup is offered without a session. */
export function DatabaseDamagedPage({ status }: DatabaseDamagedPageProps) {
  const queryClient = useQueryClient();
  const backups = useApiQuery('recovery.listBackups', {});
  const restore = useApiMutation('recovery.restore', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: '已从备份恢复数据，请重新登录' });
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
    },
    // A failed restore may have changed what is wrong (the chosen backup damaged too): show it.
    onError: () => void queryClient.invalidateQueries({ queryKey: apiKey('system.status') }),
  });

  return (
    <DeskModals>
      <CenteredScreen title="数据库已损坏" width={860}>
        <Alert color="red" title="数据库完整性检查未通过" role="alert">
          {status.databaseProblem ?? '数据库文件未通过完整性检查。'}
        </Alert>
        <Stack gap="xs">
          <Text>
            为防止错误继续扩大，程序暂停了所有业务。请从下面选择一个备份恢复（通常选最近的一个）；如果不确定，请先联系系统管理员或县级技术支持。
          </Text>
        </Stack>
        <BackupTable
          backups={backups.data ?? []}
          fetching={backups.isPending}
          restoring={restore.isPending ? (restore.variables?.name ?? null) : null}
          onRestore={(backup) =>
            confirmRestore(backup, () => restore.mutate({ name: backup.name }))
          }
        />
      </CenteredScreen>
    </DeskModals>
  );
}
