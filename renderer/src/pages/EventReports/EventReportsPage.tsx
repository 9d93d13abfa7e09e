import { Anchor, Badge, Button, Checkbox, Group, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { URGENCY_LABELS, type EventReport } from '@shared/api';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { LIST_PAGE_SIZE, ListTable, listPageProps } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { AcknowledgeModal } from './AcknowledgeModal';
import { CreateEventReportModal } from './CreateEventReportModal';
import { REPORTER_ROLES, SIGNER_ROLES, URGENCY_COLORS } from './labels';

type Box = 'received' | 'sent';

function AcknowledgedBadge({ report }: { report: EventReport }) {
  return report.acknowledgedAt ? (
    <Badge color="teal" variant="light">
      已签收
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      待签收
    </Badge>
  );
}

/** 事件报告: what this unit received from below (to sign for) and what it sent up. */
export function EventReportsPage() {
  const user = useCurrentUser();
  const canReport = (REPORTER_ROLES as readonly string[]).includes(user.role);
  const canSign = (SIGNER_ROLES as readonly string[]).includes(user.role);
  const [box, setBox] = useState<Box>(
    user.role === 'agent' || user.role === 'clerk' ? 'sent' : 'received',
  );
  const [unacknowledgedOnly, setUnacknowledgedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, createModal] = useDisclosure(false);
  const [signing, setSigning] = useState<EventReport | null>(null);
  const list = useApiQuery(
    'eventReports.list',
    {
      box,
      unacknowledgedOnly: box === 'received' && unacknowledgedOnly,
      page,
      pageSize: LIST_PAGE_SIZE,
    },
    { placeholderData: keepPreviousData },
  );
  const waiting = useApiQuery('eventReports.list', {
    box: 'received',
    unacknowledgedOnly: true,
    page: 1,
    pageSize: 1,
  });

  function changeBox(next: string | null) {
    setBox(next as Box);
    setPage(1);
  }

  return (
    <>
      <PageHeader
        title="事件报告"
        description="安全隐患、群体性事件苗头、重大信息等向上级报送，接收单位签收。事件报告单独统计，不计入纠纷受理数和调解成功率。"
        actions={canReport ? <Button onClick={createModal.open}>报告事件</Button> : null}
      />
      <Tabs value={box} onChange={changeBox} mb="sm">
        <Tabs.List>
          <Tabs.Tab
            value="received"
            rightSection={
              waiting.data?.total ? (
                <Badge color="red" size="sm" circle aria-label={`${waiting.data.total} 份待签收`}>
                  {waiting.data.total}
                </Badge>
              ) : null
            }
          >
            收到的报告
          </Tabs.Tab>
          <Tabs.Tab value="sent">本单位报送</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {box === 'received' ? (
        <Checkbox
          mb="sm"
          label="只看待签收"
          checked={unacknowledgedOnly}
          onChange={(event) => {
            setUnacknowledgedOnly(event.currentTarget.checked);
            setPage(1);
          }}
        />
      ) : null}
      <ListTable<EventReport>
        {...listPageProps(list, page, setPage)}
        aria-label={box === 'received' ? '收到的事件报告' : '本单位报送的事件报告'}
        highlightOnHover
        minHeight={200}
        noRecordsText={box === 'received' ? '没有收到事件报告' : '本单位还没有报送事件报告'}
        columns={[
          {
            accessor: 'reportedAt',
            title: '报送时间',
            noWrap: true,
            render: (report) => formatDateTime(report.reportedAt),
          },
          {
            accessor: 'title',
            title: '事件',
            render: (report) => (
              <Stack gap={2}>
                <Anchor component={Link} to={`/event-reports/${report.id}`} fw={500}>
                  {report.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {report.categoryLabel}
                  {report.attachments.length > 0 ? ` · 附件 ${report.attachments.length} 个` : ''}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'urgency',
            title: '紧急程度',
            noWrap: true,
            render: (report) => (
              <Badge color={URGENCY_COLORS[report.urgency]} variant="light">
                {URGENCY_LABELS[report.urgency]}
              </Badge>
            ),
          },
          {
            accessor: 'fromOrgName',
            title: box === 'received' ? '报送单位' : '接收单位',
            noWrap: true,
            render: (report) => (box === 'received' ? report.fromOrgName : report.receivingOrgName),
          },
          { accessor: 'reporterName', title: '报告人', noWrap: true },
          {
            accessor: 'acknowledgedAt',
            title: '签收',
            noWrap: true,
            render: (report) => <AcknowledgedBadge report={report} />,
          },
          {
            accessor: 'actions',
            title: '操作',
            textAlign: 'right',
            render: (report) =>
              report.canAcknowledge && canSign ? (
                <Group justify="flex-end">
                  <Button
                    size="xs"
                    aria-label={`签收 ${report.title}`}
                    onClick={() => setSigning(report)}
                  >
                    签收
                  </Button>
                </Group>
              ) : null,
          },
        ]}
      />
      {creating ? <CreateEventReportModal opened onClose={createModal.close} /> : null}
      <AcknowledgeModal report={signing} onClose={() => setSigning(null)} />
    </>
  );
}
