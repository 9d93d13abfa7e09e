import { Alert, Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { CaseRowsList } from './cases/CaseRowsList';
import { DayFigures } from './cases/DayFigures';
import { listsFor, scopeLabel } from './cases/case-widget-lists';
import { WidgetCard } from './mediation/WidgetCard';

/** The 一窗受理 part of the 工作台: what is late, due or waiting, for this role. */
export function CaseWidgets() {
  const user = useCurrentUser();
  // Mediators have no 一窗受理 worklist.
  const allowed = canCall(user.role, 'cases.dashboard');
  const dashboard = useApiQuery('cases.dashboard', {}, { enabled: allowed });
  const figures = useApiQuery(
    'cases.dashboardFigures',
    {},
    { enabled: canCall(user.role, 'cases.dashboardFigures') },
  );
  if (!allowed || !dashboard.data) return null;
  const data = dashboard.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="case-widgets-title">
      <Group justify="space-between" align="baseline">
        <Group gap="sm" align="baseline">
          <Title order={2} size="h4" id="case-widgets-title">
            一窗受理
          </Title>
          <Text size="sm" c="dimmed">
            {scopeLabel(user.role)}
          </Text>
        </Group>
        <Anchor component={Link} to="/cases" size="sm">
          查看全部案件
        </Anchor>
      </Group>
      {data.calendarWarning ? (
        <Alert color="yellow" role="alert" title="节假日安排未载入" py="xs">
          {data.calendarWarning}
        </Alert>
      ) : null}
      {figures.data ? <DayFigures figures={figures.data} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {listsFor(user.role).map((list) => (
          <WidgetCard
            key={list.name}
            title={list.title}
            count={data[list.name].length}
            urgent={list.name === 'overdue' || list.name === 'dueToday'}
            empty={list.empty}
          >
            <CaseRowsList list={list.name} rows={data[list.name]} />
          </WidgetCard>
        ))}
        {canCall(user.role, 'ratings.recordCallback') ? (
          <WidgetCard title="差评回访" count={data.followupsDue} urgent empty="没有待回访的差评">
            <Text size="sm">
              {data.followupsDue} 条差评须在 15 个工作日内回访。{' '}
              <Anchor component={Link} to="/followups" size="sm">
                去回访
              </Anchor>
            </Text>
          </WidgetCard>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
