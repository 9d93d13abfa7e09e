import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { URGENCY_LABELS } from '@shared/api';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { AcknowledgeModal } from './AcknowledgeModal';
import { AttachmentGallery } from './AttachmentGallery';
import { SIGNER_ROLES, URGENCY_COLORS } from './labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One event report: what was reported, its files, and whether the receiving unit has signed for it. */
export function EventReportDetailPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const report = useApiQuery('eventReports.get', { eventReportId: id });
  const [signing, setSigning] = useState(false);

  if (report.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="正在打开事件报告" />
      </Center>
    );
  }
  if (report.isError) {
    return (
      <Alert color="red" title="无法打开事件报告" role="alert">
        {report.error.message}
      </Alert>
    );
  }
  const data = report.data;
  const canSign = data.canAcknowledge && (SIGNER_ROLES as readonly string[]).includes(user.role);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/event-reports" size="sm">
        ← 事件报告
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={2}>{data.title}</Title>
          <Group gap="xs">
            <Badge variant="light">{data.categoryLabel}</Badge>
            <Badge color={URGENCY_COLORS[data.urgency]} variant="light">
              {URGENCY_LABELS[data.urgency]}
            </Badge>
            <Badge color={data.acknowledgedAt ? 'teal' : 'orange'} variant="light">
              {data.acknowledgedAt ? '已签收' : '待签收'}
            </Badge>
          </Group>
        </Stack>
        {canSign ? <Button onClick={() => setSigning(true)}>签收</Button> : null}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Fact label="报送单位">{data.fromOrgName}</Fact>
          <Fact label="接收单位">{data.receivingOrgName}</Fact>
          <Fact label="报告人">{data.reporterName}</Fact>
          <Fact label="报送时间">{formatDateTime(data.reportedAt)}</Fact>
          <Fact label="发生日期">{data.occurredOn ?? '—'}</Fact>
          <Fact label="发生地点">{data.place ?? '—'}</Fact>
          <Fact label="涉及人数">
            {data.peopleInvolved === null ? '—' : `${data.peopleInvolved} 人`}
          </Fact>
          <Fact label="关联纠纷">
            {data.disputeId ? (
              <Anchor component={Link} to={`/mediation/${data.disputeId}`} size="sm">
                {data.disputeCaseNo}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-description">
        <Title order={3} size="h5" id="report-description" mb="xs">
          事件情况
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {data.description}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-attachments">
        <Title order={3} size="h5" id="report-attachments" mb="xs">
          附件（{data.attachments.length}）
        </Title>
        <AttachmentGallery report={data} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-receipt">
        <Title order={3} size="h5" id="report-receipt" mb="xs">
          签收情况
        </Title>
        {data.acknowledgedAt ? (
          <Text size="sm">
            {data.receivingOrgName} {data.acknowledgedByName} 于{' '}
            {formatDateTime(data.acknowledgedAt)} 签收
            {data.acknowledgementNote ? `：${data.acknowledgementNote}` : ''}
          </Text>
        ) : (
          <Text size="sm" c="orange.8">
            {data.receivingOrgName}尚未签收
          </Text>
        )}
      </Paper>
      <AcknowledgeModal report={signing ? data : null} onClose={() => setSigning(false)} />
    </Stack>
  );
}
