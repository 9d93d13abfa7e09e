import { Alert, Badge, Button, Loader, Tabs, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { ServiceItemDetail } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { IssuerBadge } from './IssuerBadge';
import { valuesOfVersion } from './item-form';
import { ItemEditor } from './ItemEditor';
import { ItemVersionView } from './ItemVersionView';
import { VersionHistory } from './VersionHistory';

function ActiveToggle({ item }: { item: ServiceItemDetail }) {
  const queryClient = useQueryClient();
  const setActive = useApiMutation('catalogue.setActive', {
    onSuccess: (saved) => {
      notifications.show({
        color: 'teal',
        message: saved.active ? '已启用该事项' : '已停用该事项',
      });
      queryClient.setQueryData(apiKey('catalogue.get', { itemId: saved.itemId }), saved);
      void queryClient.invalidateQueries({ queryKey: apiKey('catalogue.list') });
    },
  });
  if (item.active) {
    return (
      <Button
        variant="light"
        color="orange"
        loading={setActive.isPending}
        onClick={() =>
          modals.openConfirmModal({
            title: '停用事项',
            children: (
              <Text>
                停用后窗口不能再受理“{item.name}”，已受理的案件照常办理。之后可以重新启用。
              </Text>
            ),
            labels: { confirm: '停用', cancel: '取消' },
            confirmProps: { color: 'orange' },
            onConfirm: () => setActive.mutate({ itemId: item.itemId, active: false }),
          })
        }
      >
        停用
      </Button>
    );
  }
  return (
    <Button
      variant="light"
      color="teal"
      loading={setActive.isPending}
      onClick={() => setActive.mutate({ itemId: item.itemId, active: true })}
    >
      启用
    </Button>
  );
}

/** One item: its editor (or, for those who may only read, its current version) and its versions. */
export function CatalogueItemPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const item = useApiQuery('catalogue.get', { itemId: id });
  const mayEdit = canCall(me.role, 'catalogue.save');
  const back = (
    <Button variant="default" component={Link} to="/catalogue">
      返回事项目录
    </Button>
  );

  if (item.isPending) return <Loader aria-label="正在读取事项" />;
  if (!item.data) {
    return (
      <>
        <PageHeader title="事项" actions={back} />
        <Alert color="red" title="无法打开该事项">
          {item.error?.message ?? '找不到该事项'}
        </Alert>
      </>
    );
  }
  const data = item.data;
  // County items at a township come from the county's catalogue: read-only here.
  const canEdit = mayEdit && data.editable;
  return (
    <>
      <PageHeader
        title={data.name}
        description={`${data.code} · ${data.category} · 当前为第 ${data.number} 版`}
        actions={
          <>
            <IssuerBadge countyIssued={data.countyIssued} />
            <Badge size="lg" variant="light" color={data.active ? 'teal' : 'gray'}>
              {data.active ? '启用中' : '已停用'}
            </Badge>
            {back}
            {canEdit ? <ActiveToggle item={data} /> : null}
          </>
        }
      />
      <Tabs defaultValue="content">
        <Tabs.List>
          <Tabs.Tab value="content">事项内容</Tabs.Tab>
          <Tabs.Tab
            value="versions"
            rightSection={
              <Badge size="sm" variant="light" circle={data.versions.length < 10}>
                {data.versions.length}
              </Badge>
            }
          >
            版本记录
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="content" pt="lg">
          {mayEdit && !data.editable ? (
            <Alert color="blue" mb="md" title="县级统一发布的事项">
              该事项由县级中心统一维护，随县级平台的事项目录更新，本单位不能修改或停用。需要调整时请联系县级中心。
            </Alert>
          ) : null}
          {canEdit ? (
            <ItemEditor
              // A new version, or new aliases, start the form again from what was saved.
              key={`${data.versionId} ${data.aliases.join('、')}`}
              initialValues={valuesOfVersion(data)}
              itemId={data.itemId}
              versionNumber={data.number}
            />
          ) : (
            <ItemVersionView version={data} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="lg">
          <VersionHistory item={data} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
