import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { WidgetRow } from './dashboard-rows';

/** A card shows this many rows; the rest are counted, not listed, to keep the 工作台 short. */
const ROWS_SHOWN = 5;

/** Each row links to the case file. */
export function DisputeRowsList({ rows }: { rows: WidgetRow[] }) {
  return (
    <Stack gap={8}>
      {rows.slice(0, ROWS_SHOWN).map((row) => (
        <div key={row.key}>
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/mediation/${row.disputeId}`} size="sm" fw={500}>
              {row.caseNo}
            </Anchor>
            <Text size="sm" truncate>
              {row.partyNames}
            </Text>
          </Group>
          <Text size="xs" c={row.overdue ? 'red' : 'dimmed'} fw={row.overdue ? 600 : undefined}>
            {row.detail}
          </Text>
        </div>
      ))}
      {rows.length > ROWS_SHOWN ? (
        <Text size="xs" c="dimmed">
          另有 {rows.length - ROWS_SHOWN} 件未列出
        </Text>
      ) : null}
    </Stack>
  );
}
