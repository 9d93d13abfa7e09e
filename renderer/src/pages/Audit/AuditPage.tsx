import { Badge } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { AuditEntry, Terminal } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ListTable, listPageProps } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { actionLabel, OUTCOME_COLORS, OUTCOME_LABELS, objectTypeLabel } from '../../lib/labels';
import { formatDateTime } from '../../lib/time';
import { useSystemStatus } from '../../session';
import { EMPTY_FILTERS, toListInput, type AuditFilterValues } from './audit-filters';
import { AuditFilters } from './AuditFilters';
import { useVerifyAudit } from './use-verify-audit';

function terminalLabel(entry: AuditEntry, terminal: Terminal | null): string {
  if (!entry.terminalId) return '—';
  return terminal && entry.terminalId === terminal.id
    ? `${terminal.name}（${terminal.number}）`
    : entry.terminalId;
}

export function AuditPage() {
  const { terminal } = useSystemStatus();
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [page, setPage] = useState(1);
  // Typing a username should not send a query per keystroke.
  const [debounced] = useDebouncedValue(filters, 300);
  const list = useApiQuery('audit.list', toListInput(debounced, page), {
    placeholderData: keepPreviousData,
  });
  const verify = useVerifyAudit();

  function changeFilters(next: AuditFilterValues) {
    setFilters(next);
    setPage(1);
  }

  return (
    <>
      <PageHeader
        title="审计日志"
        description="登录、每一次修改、查看敏感信息和打印都留有记录，且前后相连，改动或删除任何一条都能被发现。"
        actions={verify.button}
      />
      {verify.result}
      <AuditFilters
        value={filters}
        onChange={changeFilters}
        onReset={() => changeFilters(EMPTY_FILTERS)}
      />
      <ListTable<AuditEntry>
        {...listPageProps(list, page, setPage)}
        minHeight={240}
        noRecordsText="没有符合条件的记录"
        idAccessor="seq"
        columns={[
          { accessor: 'at', title: '时间', noWrap: true, render: (e) => formatDateTime(e.at) },
          { accessor: 'username', title: '用户', noWrap: true, render: (e) => e.username ?? '—' },
          {
            accessor: 'terminalId',
            title: '终端',
            noWrap: true,
            render: (e) => terminalLabel(e, terminal),
          },
          { accessor: 'action', title: '操作', noWrap: true, render: (e) => actionLabel(e.action) },
          {
            accessor: 'objectType',
            title: '对象',
            noWrap: true,
            render: (e) => objectTypeLabel(e.objectType),
          },
          { accessor: 'detail', title: '说明', render: (e) => e.detail ?? '' },
          {
            accessor: 'outcome',
            title: '结果',
            width: 80,
            render: (e) => (
              <Badge color={OUTCOME_COLORS[e.outcome]} variant="light">
                {OUTCOME_LABELS[e.outcome]}
              </Badge>
            ),
          },
        ]}
      />
    </>
  );
}
