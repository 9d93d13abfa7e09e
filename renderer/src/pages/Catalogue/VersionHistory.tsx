import { Alert, Badge, Button, Loader, Modal, Stack } from '@mantine/core';
import type { ServiceItemDetail } from '@shared/api';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ListTable } from '../../components/ListTable';
import { formatDateTime } from '../../lib/time';
import { ItemVersionView } from './ItemVersionView';

type VersionHead = ServiceItemDetail['versions'][number];

function VersionModal({ head, onClose }: { head: VersionHead | null; onClose: () => void }) {
  const version = useApiQuery(
    'catalogue.getVersion',
    { versionId: head?.versionId ?? '' },
    { enabled: head !== null },
  );
  return (
    <Modal
      opened={head !== null}
      onClose={onClose}
      size="xl"
      title={head ? `第 ${head.number} 版（${formatDateTime(head.createdAt)} 保存）` : ''}
    >
      {version.data ? <ItemVersionView version={version.data} /> : <Loader />}
    </Modal>
  );
}

/** Every version of the item, newest first, and what a case taken in under an older one keeps. */
export function VersionHistory({ item }: { item: ServiceItemDetail }) {
  const [viewing, setViewing] = useState<VersionHead | null>(null);
  const versions = [...item.versions].sort((a, b) => b.number - a.number);
  return (
    <Stack gap="sm" component="section" aria-label="版本记录">
      <Alert color="blue" variant="light">
        每次保存修改都会生成一个新版本，新受理的案件按当前版本办理。已受理的案件保留受理时的版本：其材料清单、承诺时限和收费不随之后的修改而改变。
      </Alert>
      <ListTable<VersionHead>
        idAccessor="versionId"
        records={versions}
        columns={[
          {
            accessor: 'number',
            title: '版本',
            noWrap: true,
            render: (v) => (
              <>
                第 {v.number} 版{' '}
                {v.versionId === item.versionId ? (
                  <Badge size="sm" variant="light" color="teal">
                    当前版本
                  </Badge>
                ) : null}
              </>
            ),
          },
          {
            accessor: 'createdAt',
            title: '保存时间',
            noWrap: true,
            render: (v) => formatDateTime(v.createdAt),
          },
          { accessor: 'createdBy', title: '保存人', render: (v) => v.createdBy ?? '系统载入' },
          {
            accessor: 'actions',
            title: '操作',
            textAlign: 'right',
            render: (v) => (
              <Button
                size="compact-sm"
                variant="light"
                aria-label={`查看第 ${v.number} 版`}
                onClick={() => setViewing(v)}
              >
                查看
              </Button>
            ),
          },
        ]}
      />
      <VersionModal head={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}
