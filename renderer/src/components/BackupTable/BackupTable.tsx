import { Button } from '@mantine/core';
import type { Backup } from '@shared/api';
import { BACKUP_REASON_LABELS, formatBytes } from '../../lib/labels';
import { formatDateTime } from '../../lib/time';
import { ListTable } from '../ListTable';

interface BackupTableProps {
  /** Newest first, as the backend lists them. */
  backups: Backup[];
  fetching: boolean;
  /** Asks for confirmation, then restores. */
  onRestore: (backup: Backup) => void;
  /** The backup being restored right now, if any: its button spins and the others wait. */
  restoring: string | null;
}

export function BackupTable({ backups, fetching, onRestore, restoring }: BackupTableProps) {
  return (
    <ListTable
      minHeight={160}
      fetching={fetching}
      noRecordsText="还没有备份"
      idAccessor="name"
      records={backups}
      columns={[
        { accessor: 'createdAt', title: '备份时间', render: (b) => formatDateTime(b.createdAt) },
        { accessor: 'reason', title: '类型', render: (b) => BACKUP_REASON_LABELS[b.reason] },
        { accessor: 'sizeBytes', title: '大小', render: (b) => formatBytes(b.sizeBytes) },
        { accessor: 'name', title: '文件名' },
        {
          accessor: 'actions',
          title: '操作',
          textAlign: 'right',
          render: (b) => (
            <Button
              size="xs"
              variant="light"
              color="red"
              aria-label={`恢复备份 ${b.name}`}
              loading={restoring === b.name}
              disabled={restoring !== null && restoring !== b.name}
              onClick={() => onRestore(b)}
            >
              恢复
            </Button>
          ),
        },
      ]}
    />
  );
}
