import { Anchor, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Role } from '@shared/api';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../session';
import {
  awaitingRows,
  deadlineRows,
  followUpRows,
  judicialRows,
  type WidgetRow,
} from './mediation/dashboard-rows';
import { DisputeRowsList } from './mediation/DisputeRowsList';
import { RiskWidget } from './mediation/RiskWidget';
import { WidgetCard } from './mediation/WidgetCard';

const MEDIATION_ROLES: readonly Role[] = ['mediator', 'supervisor', 'auditor'];

function RowsCard({ title, rows, empty }: { title: string; rows: WidgetRow[]; empty: string }) {
  return (
    <WidgetCard
      title={title}
      count={rows.length}
      urgent={rows.some((row) => row.overdue)}
      empty={empty}
    >
      <DisputeRowsList rows={rows} />
    </WidgetCard>
  );
}

/** The mediation part of the 工作台: what falls due for the caller's committee. */
export function MediationWidgets() {
  const user = useCurrentUser();
  const allowed = MEDIATION_ROLES.includes(user.role);
  const dashboard = useApiQuery('mediation.dashboard', {}, { enabled: allowed });
  if (!allowed || !dashboard.data) return null;
  const data = dashboard.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="mediation-widgets-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="mediation-widgets-title">
          人民调解
        </Title>
        {data.unacknowledgedReports > 0 ? (
          <Anchor component={Link} to="/event-reports" size="sm" c="red" fw={600}>
            {data.unacknowledgedReports} 份事件报告待签收
          </Anchor>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <RowsCard title="回访到期" rows={followUpRows(data)} empty="近期没有到期的回访" />
        <RowsCard
          title="调解期限临近或超期"
          rows={deadlineRows(data)}
          empty="没有临近一个月期限的案件"
        />
        <RowsCard
          title="司法确认申请期限"
          rows={judicialRows(data)}
          empty="没有即将截止的司法确认申请期限"
        />
        <RowsCard title="待受理" rows={awaitingRows(data)} empty="没有待受理的案件" />
        {user.role === 'supervisor' ? <RiskWidget /> : null}
      </SimpleGrid>
    </Stack>
  );
}
