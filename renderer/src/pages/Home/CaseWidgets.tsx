import { Alert, Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Role } from '@shared/api';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { useCurrentUser } from '../../session';
import { CaseRowsList } from './cases/CaseRowsList';
import { listsFor, scopeLabel } from './cases/case-widget-lists';
import { WidgetCard } from './mediation/WidgetCard';

/** Who has a 一窗受理 worklist (cases.dashboard); mediators do not. */
const CASE_ROLES: readonly Role[] = ['admin', 'supervisor', 'clerk', 'agent', 'auditor'];
/** Who follows up bad ratings. */
const FOLLOW_UP_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** The 一窗受理 part of the 工作台: what is late, due or waiting, for this role. */
export function CaseWidgets() {
  const user = useCurrentUser();
  const allowed = CASE_ROLES.includes(user.role);
  const dashboard = useApiQuery('cases.dashboard', {}, { enabled: allowed });
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
        {FOLLOW_UP_ROLES.includes(user.role) ? (
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
