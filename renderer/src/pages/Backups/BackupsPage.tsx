import { Alert, Button, Text } from '@mantine/core';
import { BACKUP_ROTATION } from '@shared/api';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiClient, useApiMutation, useApiQuery } from '../../api';
import { BackupTable, confirmRestore } from '../../components/BackupTable';
import { PageHeader } from '../../components/PageHeader';
import { useSystemStatus } from '../../session';
import { SearchIndexSection } from './SearchIndexSection';

export function BackupsPage() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const status = useSystemStatus();
  const backups = useApiQuery('backups.list', {});
  const settings = useApiQuery('settings.get', {});

  const create = useApiMutation('backups.create', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: '备份完成' });
      void queryClient.invalidateQueries({ queryKey: apiKey('backups.list') });
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
    },
  });
  const restore = useApiMutation('backups.restore', {
    // The backend ended every session, this one included: back to sign-in with the reason.
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'system.status' });
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
      client.session.signedOut('已从备份恢复数据，请重新登录');
    },
  });

  return (
    <>
      <PageHeader
        title="备份与恢复"
        description={`系统每天自动备份一次（压缩保存），保留最近 ${settings.data?.backupRetentionDays ?? '—'} 天的备份、最近 ${settings.data?.backupKeepWeeks ?? '—'} 周每周一份和最近 ${settings.data?.backupKeepMonths ?? '—'} 个月每月一份，总大小不超过数据库的 ${BACKUP_ROTATION.budgetShareOfDatabase} 倍；升级和恢复前也会自动备份。`}
        actions={
          <Button loading={create.isPending} onClick={() => create.mutate({})}>
            立即备份
          </Button>
        }
      />
      {status.backupWarning ? (
        <Alert color="red" title="备份提醒" mb="sm">
          {status.backupWarning}
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed" mb="sm">
        {status.lastBackupAt ? null : '本终端还没有备份。'}
        恢复会用所选备份替换当前全部数据，只在数据出错或误操作后使用。
      </Text>
      <BackupTable
        backups={backups.data ?? []}
        fetching={backups.isPending}
        restoring={restore.isPending ? (restore.variables?.name ?? null) : null}
        onRestore={(backup) => confirmRestore(backup, () => restore.mutate({ name: backup.name }))}
      />
      <SearchIndexSection />
    </>
  );
}
