import { Anchor, Button, SegmentedControl, Text } from '@mantine/core';
import type { Followup } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { LIST_PAGE_SIZE, ListTable, listPageProps } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { RatingBadge } from '../../components/RatingBadge';
import { canCall } from '../../lib/access';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { CallbackModal } from './CallbackModal';
import { FollowupDue } from './FollowupDue';

type View = 'open' | 'done' | 'all';

const VIEWS: { value: View; label: string }[] = [
  { value: 'open', label: '待回访' },
  { value: 'done', label: '已回访' },
  { value: 'all', label: '全部' },
];

/** 差评回访: every 不满意 and 非常不满意 is called back within 15 working days and the call recorded. */
export function FollowupsPage() {
  const user = useCurrentUser();
  const mayRecord = canCall(user.role, 'ratings.recordCallback');
  const [view, setView] = useState<View>('open');
  const [page, setPage] = useState(1);
  const [recording, setRecording] = useState<Followup | null>(null);
  const list = useApiQuery(
    'ratings.followups',
    { page, pageSize: LIST_PAGE_SIZE, ...(view === 'all' ? {} : { state: view }) },
    { placeholderData: keepPreviousData },
  );

  const columns: DataTableColumn<Followup>[] = [
    {
      accessor: 'caseNo',
      title: '案件编号',
      noWrap: true,
      render: (f) => (
        <Anchor component={Link} to={`/cases/${f.caseId}`} size="sm">
          {f.caseNo}
        </Anchor>
      ),
    },
    { accessor: 'applicantName', title: '申请人', noWrap: true },
    { accessor: 'itemName', title: '事项', width: 150 },
    {
      accessor: 'level',
      title: '评价',
      noWrap: true,
      width: 110,
      render: (f) => <RatingBadge level={f.level} />,
    },
    {
      accessor: 'comment',
      title: '群众意见',
      render: (f) => f.comment ?? <Text c="dimmed">—</Text>,
    },
    {
      accessor: 'ratedAt',
      title: '评价时间',
      noWrap: true,
      render: (f) => formatDateTime(f.ratedAt),
    },
    {
      accessor: 'dueDate',
      title: '回访期限',
      noWrap: true,
      width: 140,
      render: (f) => <FollowupDue followup={f} />,
    },
    {
      accessor: 'callback',
      title: '回访',
      render: (f) =>
        f.state === 'done' ? (
          <Text size="sm">
            {formatDateTime(f.callbackAt)} {f.callbackBy}：{f.callbackNote}
            {f.rectification ? `（整改：${f.rectification}）` : ''}
          </Text>
        ) : mayRecord ? (
          <Button size="xs" onClick={() => setRecording(f)} aria-label={`记录回访 ${f.caseNo}`}>
            记录回访
          </Button>
        ) : (
          <Text c="dimmed" size="sm">
            待回访
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="差评回访"
        description="群众评价为不满意、非常不满意的，须在评价后 15 个工作日内回访并记录回访情况和整改措施。"
      />
      <SegmentedControl
        mb="md"
        aria-label="回访状态"
        data={VIEWS}
        value={view}
        onChange={(next) => {
          setView(next as View);
          setPage(1);
        }}
      />
      <ListTable<Followup>
        {...listPageProps(list, page, setPage)}
        minHeight={240}
        noRecordsText={view === 'open' ? '没有待回访的差评' : '没有记录'}
        columns={columns}
      />
      <CallbackModal followup={recording} onClose={() => setRecording(null)} />
    </>
  );
}
