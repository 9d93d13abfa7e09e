import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Select,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ServiceItemSummary } from '@shared/api';
import {
  SERVICE_CATEGORIES,
  SERVICE_ITEM_TYPE_LABELS,
} from '@shared/domain/catalogue/service-item';
import { keepPreviousData } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { canCall } from '../../lib/access';
import { downloadFile } from '../../lib/download';
import { useCurrentUser } from '../../session';
import { ImportCatalogueModal } from './ImportCatalogueModal';
import { formatPromise } from './item-labels';
import { PublishToHubButton } from './PublishToHubButton';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Actions() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [importing, setImporting] = useState<File | null>(null);
  // Cleared after each import, so choosing the same (corrected) file again opens the import again.
  const resetFile = useRef<() => void>(null);
  const exportExcel = useApiMutation('catalogue.exportExcel', {
    onSuccess: (file) => downloadFile(file),
  });
  const canEdit = canCall(me.role, 'catalogue.save');
  return (
    <>
      <Button
        variant="default"
        loading={exportExcel.isPending}
        onClick={() => exportExcel.mutate({})}
      >
        导出Excel
      </Button>
      {canCall(me.role, 'catalogue.importExcel') ? (
        <FileButton onChange={setImporting} accept={XLSX_ACCEPT} resetRef={resetFile}>
          {(props) => (
            <Button variant="default" {...props}>
              导入Excel
            </Button>
          )}
        </FileButton>
      ) : null}
      {canEdit ? <Button onClick={() => void navigate('/catalogue/new')}>新增事项</Button> : null}
      <PublishToHubButton />
      <ImportCatalogueModal
        file={importing}
        onClose={() => {
          setImporting(null);
          resetFile.current?.();
        }}
      />
    </>
  );
}

/** The service catalogue by category: search, the inactive items on request, import and export. */
export function CataloguePage() {
  const navigate = useNavigate();
  // Filters live in the address, so coming back from an item finds the same list.
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const category = params.get('category');
  const includeInactive = params.get('inactive') === '1';
  const [debounced] = useDebouncedValue(query, 250);
  const list = useApiQuery(
    'catalogue.list',
    { query: debounced, includeInactive, ...(category ? { category } : {}) },
    { placeholderData: keepPreviousData },
  );

  function change(next: { q?: string; category?: string | null; inactive?: boolean }) {
    const merged = {
      q: next.q ?? query,
      category: next.category === undefined ? category : next.category,
      inactive: next.inactive ?? includeInactive,
    };
    setParams(
      {
        ...(merged.q ? { q: merged.q } : {}),
        ...(merged.category ? { category: merged.category } : {}),
        ...(merged.inactive ? { inactive: '1' } : {}),
      },
      { replace: true },
    );
  }

  const items = list.data ?? [];
  const readOnlyCounty = items.some((item) => item.countyIssued && !item.editable);
  const categories = [...new Set([...SERVICE_CATEGORIES, ...items.map((item) => item.category)])];

  return (
    <>
      <PageHeader
        title="事项目录"
        description="本中心可受理的事项及其申请材料。修改事项会生成新版本，已受理的案件仍按受理时的版本办理。"
        actions={<Actions />}
      />
      {readOnlyCounty ? (
        <Alert color="blue" mb="md" title="县级发布的事项由县级中心统一维护">
          标为“县级发布”的事项随县级平台的事项目录更新，本单位只能查看和受理；本单位可以新增和修改自己的事项。
        </Alert>
      ) : null}
      <Group align="flex-end" gap="md" mb="md">
        <TextInput
          label="查找事项"
          description="名称或简称、拼音首字母（名称中任意一段）或编码"
          placeholder="如 低保、dbsq、ylbx、0013"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          w={340}
          value={query}
          onChange={(event) => change({ q: event.currentTarget.value })}
        />
        <Select
          label="类别"
          placeholder="全部类别"
          clearable
          w={180}
          data={categories}
          value={category}
          onChange={(value) => change({ category: value })}
        />
        <Switch
          label="包括已停用的事项"
          mb={8}
          checked={includeInactive}
          onChange={(event) => change({ inactive: event.currentTarget.checked })}
        />
      </Group>
      <ListTable<ServiceItemSummary>
        highlightOnHover
        minHeight={240}
        fetching={list.isFetching}
        noRecordsText="没有符合条件的事项"
        records={items}
        onRowClick={({ record }) => void navigate(`/catalogue/${record.id}`)}
        columns={[
          {
            accessor: 'category',
            title: '类别',
            noWrap: true,
            // The list comes sorted by category: each category is named once, at its first item.
            render: (item, index) =>
              index > 0 && items[index - 1]?.category === item.category ? (
                ''
              ) : (
                <Text fw={600} size="sm">
                  {item.category}
                </Text>
              ),
          },
          {
            accessor: 'code',
            title: '编码',
            noWrap: true,
            // The issuer under the code: both name the item in the county (a column more would crowd).
            render: (item) => (
              <>
                <Text ff="monospace" size="sm">
                  {item.code}
                </Text>
                <Text size="xs" c={item.countyIssued ? 'indigo' : 'dimmed'}>
                  {item.countyIssued ? '县级发布' : '本单位'}
                </Text>
              </>
            ),
          },
          {
            accessor: 'name',
            title: '事项名称',
            render: (item) => (
              <Anchor
                component={Link}
                to={`/catalogue/${item.id}`}
                onClick={(event) => event.stopPropagation()}
              >
                {item.name}
              </Anchor>
            ),
          },
          {
            accessor: 'aliases',
            title: '简称与别名',
            render: (item) => (
              <Text size="sm" c="dimmed">
                {item.aliases.join('、') || '—'}
              </Text>
            ),
          },
          { accessor: 'department', title: '责任部门', noWrap: true },
          {
            accessor: 'type',
            title: '办件类型',
            noWrap: true,
            render: (item) => SERVICE_ITEM_TYPE_LABELS[item.type],
          },
          { accessor: 'promisedDays', title: '承诺时限', noWrap: true, render: formatPromise },
          {
            accessor: 'agencyAllowed',
            title: '代办',
            noWrap: true,
            render: (item) => (item.agencyAllowed ? '可代办' : '—'),
          },
          {
            accessor: 'active',
            title: '状态',
            noWrap: true,
            render: (item) => (
              <Badge variant="light" color={item.active ? 'teal' : 'gray'}>
                {item.active ? '启用' : '停用'}
              </Badge>
            ),
          },
          {
            accessor: 'versionNumber',
            title: '版本',
            noWrap: true,
            render: (item) => `第 ${item.versionNumber} 版`,
          },
        ]}
      />
    </>
  );
}
