import { Alert, Anchor, Button, Drawer, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { CaseStateBadge } from '../../components/CaseStateBadge';
import { formatDateTime } from '../../lib/time';
import { useHandBack } from './use-case-action';

interface AgencyResultDrawerProps {
  /** The case whose result is shown; the drawer is shut while null. */
  caseId: string | null;
  onClose: () => void;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </Stack>
  );
}

/** What the township decided, to take back to the resident, and the record that it was. */
export function AgencyResultDrawer({ caseId, onClose }: AgencyResultDrawerProps) {
  const detail = useApiQuery('cases.get', { caseId: caseId ?? '' }, { enabled: caseId !== null });
  const handBack = useHandBack();
  const data = detail.data && detail.data.id === caseId ? detail.data : null;

  return (
    <Drawer
      opened={caseId !== null}
      onClose={onClose}
      position="right"
      size="md"
      title="办理结果"
      closeButtonProps={{ 'aria-label': '关闭' }}
    >
      {!data ? (
        <Loader aria-label="正在载入" />
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text fw={700}>{data.caseNo}</Text>
            <Text size="sm">
              {data.applicantName} · {data.itemName}
            </Text>
            <div>
              <CaseStateBadge state={data.state} />
            </div>
          </Stack>
          {data.state === 'completed' ? (
            <Alert color="teal" variant="light" title="乡镇（街道）已办结">
              <Text size="sm">{data.resultNote ?? '已办结，未填写结果说明'}</Text>
            </Alert>
          ) : null}
          {data.state === 'rejected' || data.state === 'returned' ? (
            <Alert
              color="red"
              variant="light"
              title={data.state === 'rejected' ? '不予受理' : '已退回'}
            >
              <Text size="sm">{data.rejectReason ?? data.resultNote ?? '—'}</Text>
              {data.redirectTo ? <Text size="sm">请到：{data.redirectTo}</Text> : null}
            </Alert>
          ) : null}
          <SimpleGrid cols={2} spacing="sm">
            <Fact label="移交时间" value={formatDateTime(data.handedOverAt)} />
            <Fact label="接收时间" value={formatDateTime(data.receivedAt)} />
            <Fact label="承诺办结日期" value={data.dueDate} />
            <Fact label="办结日期" value={data.completedDate} />
            <Fact label="承办窗口" value={data.counterContact} />
            <Fact
              label="交还申请人"
              value={data.handedOutAt ? formatDateTime(data.handedOutAt) : '尚未交还'}
            />
          </SimpleGrid>
          {data.state === 'completed' && !data.handedOutAt ? (
            <Button
              loading={handBack.isPending}
              onClick={() => handBack.mutate({ caseId: data.id, note: null })}
            >
              已将结果交还申请人
            </Button>
          ) : null}
          <Anchor component={Link} to={`/cases/${data.id}`} size="sm">
            查看案件详情
          </Anchor>
        </Stack>
      )}
    </Drawer>
  );
}
