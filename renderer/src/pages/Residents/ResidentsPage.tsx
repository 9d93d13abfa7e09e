import { Anchor, Button, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import type { ResidentSummary } from '@shared/api';
import { DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import { keepPreviousData } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api';
import { LIST_PAGE_SIZE, ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { CreateResidentModal } from './CreateResidentModal';
import { isNumberQuery, searchProblem } from './residents-search';

const SEARCH_HINT = '姓名（1 个字起）、拼音首字母、完整的证件号码或电话，或身份证号的前 6 位';

export function ResidentsPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  // The query and page live in the address, so coming back from 一人一档 finds the same list.
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [debounced] = useDebouncedValue(query, 250);
  const problem = searchProblem(debounced);
  const list = useApiQuery(
    'residents.search',
    { query: debounced, page, pageSize: LIST_PAGE_SIZE },
    { enabled: problem === null, placeholderData: keepPreviousData },
  );
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const rows = problem === null ? (list.data?.rows ?? []) : [];

  function open(resident: ResidentSummary) {
    void navigate(`/residents/${resident.id}`);
  }

  return (
    <>
      <PageHeader
        title="群众档案"
        description="一人一档：按姓名、拼音首字母、证件号码或电话查找。列表中的证件号码和电话均已遮蔽。"
        actions={
          canCall(me.role, 'residents.create') ? (
            <Button onClick={openCreate}>新建群众</Button>
          ) : null
        }
      />
      <TextInput
        label="查找群众"
        description={SEARCH_HINT}
        placeholder="如 张三、zs、330324、13800138000"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maw={520}
        mb="md"
        value={query}
        error={problem}
        onChange={(event) => setParams({ q: event.currentTarget.value }, { replace: true })}
        onKeyDown={(event) => {
          // Enter opens the one record a search found: the counter's usual case.
          const [only] = rows;
          if (event.key === 'Enter' && rows.length === 1 && only) open(only);
        }}
      />
      <ListTable<ResidentSummary>
        highlightOnHover
        minHeight={240}
        fetching={list.isFetching}
        noRecordsText={
          !debounced.trim()
            ? '还没有群众档案'
            : isNumberQuery(debounced)
              ? '没有找到。证件号码和电话请输入完整号码，遮蔽的部分不能用来查找'
              : '没有找到符合条件的群众'
        }
        records={rows}
        paging={{
          page,
          onPageChange: (next) => setParams({ q: query, page: String(next) }, { replace: true }),
          pageSize: LIST_PAGE_SIZE,
          total: problem === null ? (list.data?.total ?? 0) : 0,
          totalIsLowerBound: list.data?.totalIsLowerBound,
        }}
        onRowClick={({ record }) => open(record)}
        columns={[
          {
            accessor: 'name',
            title: '姓名',
            noWrap: true,
            render: (r) => (
              <Anchor
                component={Link}
                to={`/residents/${r.id}`}
                onClick={(event) => event.stopPropagation()}
              >
                {r.name}
              </Anchor>
            ),
          },
          {
            accessor: 'gender',
            title: '性别',
            noWrap: true,
            render: (r) => (r.gender ? GENDER_LABELS[r.gender] : '—'),
          },
          {
            accessor: 'age',
            title: '年龄',
            noWrap: true,
            render: (r) => (r.age === null ? '—' : `${r.age} 岁`),
          },
          {
            accessor: 'docType',
            title: '证件类型',
            noWrap: true,
            render: (r) => DOCUMENT_TYPE_LABELS[r.docType],
          },
          {
            accessor: 'docNumberMasked',
            title: '证件号码',
            noWrap: true,
            render: (r) => (
              <Text ff="monospace" size="sm">
                {r.docNumberMasked}
              </Text>
            ),
          },
          {
            accessor: 'phoneMasked',
            title: '联系电话',
            noWrap: true,
            render: (r) => (
              <Text ff="monospace" size="sm">
                {r.phoneMasked ?? '—'}
              </Text>
            ),
          },
          {
            accessor: 'villageName',
            title: '所属村（社区）',
            noWrap: true,
            render: (r) => r.villageName ?? '—',
          },
          { accessor: 'address', title: '住址', ellipsis: true, render: (r) => r.address ?? '—' },
        ]}
      />
      <CreateResidentModal opened={creating} onClose={closeCreate} onCreated={open} />
    </>
  );
}
