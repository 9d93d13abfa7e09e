import { Anchor, Button, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { DisputeSummary } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { DeadlineText, DisputeStateBadge, RiskBadge } from '../../components/DisputeStatus';
import { ListTable, listPageProps } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { canCall } from '../../lib/access';
import { usePageAnchor } from '../../lib/page-anchor';
import { useCurrentUser } from '../../session';
import { DisputeFilters } from './list/DisputeFilters';
import {
  EMPTY_LIST_FILTERS,
  toDisputeListInput,
  type DisputeListFilters,
  type DisputeSortStatus,
} from './list/list-filters';
import { PartiesPreview } from './list/PartiesPreview';
import { useDisputeTypes } from '../../lib/mediation-reference';

export function DisputeListPage() {
  const disputeTypes = useDisputeTypes();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<DisputeListFilters>(EMPTY_LIST_FILTERS);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<DisputeSortStatus>({
    columnAccessor: 'registeredOn',
    direction: 'desc',
  });
  // A name typed character by character should not send a query per keystroke.
  const [debounced] = useDebouncedValue(filters, 300);
  const anchor = usePageAnchor();
  const list = useApiQuery(
    'mediation.list',
    { ...toDisputeListInput(debounced, page, sort), ...anchor.anchorFor(page) },
    { placeholderData: keepPreviousData },
  );
  const canRegister = canCall(me.role, 'mediation.register');

  function changeFilters(next: DisputeListFilters) {
    setFilters(next);
    setPage(1);
    anchor.reset();
  }

  return (
    <>
      <PageHeader
        title="纠纷调解"
        description="登记的矛盾纠纷和调解进展。受理后一个月内调结，临近和超过期限的会标出。"
        actions={
          canRegister ? (
            <Button component={Link} to="/mediation/new">
              登记纠纷
            </Button>
          ) : null
        }
      />
      <DisputeFilters
        value={filters}
        onChange={changeFilters}
        onReset={() => changeFilters(EMPTY_LIST_FILTERS)}
      />
      <ListTable<DisputeSummary>
        highlightOnHover
        minHeight={240}
        noRecordsText="没有符合条件的纠纷"
        {...listPageProps(list, page, (next) => {
          anchor.leave(page, list.data, list.isPlaceholderData);
          setPage(next);
        })}
        sortStatus={sort}
        onSortStatusChange={(status) => {
          setSort(status as DisputeSortStatus);
          setPage(1);
          anchor.reset();
        }}
        rowExpansion={{
          content: ({ record }) => <PartiesPreview disputeId={record.id} />,
        }}
        columns={[
          {
            accessor: 'caseNo',
            title: '案号',
            sortable: true,
            noWrap: true,
            render: (d) => (
              <Anchor
                component={Link}
                to={`/mediation/${d.id}`}
                size="sm"
                onClick={(event) => event.stopPropagation()}
              >
                {d.caseNo}
              </Anchor>
            ),
          },
          { accessor: 'partyNames', title: '当事人' },
          {
            accessor: 'type',
            title: '类型',
            noWrap: true,
            render: (d) => disputeTypes.label(d.type),
          },
          {
            accessor: 'state',
            title: '状态',
            noWrap: true,
            render: (d) => <DisputeStateBadge state={d.state} />,
          },
          {
            accessor: 'riskLevel',
            title: '风险',
            noWrap: true,
            render: (d) => <RiskBadge level={d.riskLevel} />,
          },
          { accessor: 'registeredOn', title: '登记日期', sortable: true, noWrap: true },
          {
            accessor: 'dueDate',
            title: '调解期限',
            sortable: true,
            noWrap: true,
            render: (d) => <DeadlineText deadline={d.deadline} dueDate={d.dueDate} />,
          },
          {
            accessor: 'leadMediatorName',
            title: '主持调解员',
            noWrap: true,
            render: (d) =>
              d.leadMediatorName ?? (
                <Text size="sm" c="dimmed">
                  未指派
                </Text>
              ),
          },
          {
            accessor: 'ownerOrgName',
            title: '承办单位',
            render: (d) => (d.access === 'reader' ? `${d.ownerOrgName}（已上交）` : d.ownerOrgName),
          },
        ]}
      />
    </>
  );
}
