import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import { Link } from 'react-router';
import { rowDetail, type CaseListName } from './case-widget-lists';

/** A card lists this many; the rest are counted, and the 案件 list holds them all. */
const ROWS_SHOWN = 5;

interface CaseRowsListProps {
  list: CaseListName;
  rows: CaseSummary[];
}

/** Each row links to the case: number, applicant and item, and why it is here. */
export function CaseRowsList({ list, rows }: CaseRowsListProps) {
  return (
    <Stack gap={8}>
      {rows.slice(0, ROWS_SHOWN).map((row) => {
        const detail = rowDetail(list, row);
        return (
          <div key={row.id}>
            <Group gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/cases/${row.id}`} size="sm" fw={500} ff="monospace">
                {row.caseNo}
              </Anchor>
              <Text size="sm" truncate>
                {row.applicantName} · {row.itemName}
              </Text>
            </Group>
            <Text
              size="xs"
              c={detail.urgent ? 'red.8' : 'dimmed'}
              fw={detail.urgent ? 600 : undefined}
            >
              {detail.text}
            </Text>
          </div>
        );
      })}
      {rows.length > ROWS_SHOWN ? (
        <Text size="xs" c="dimmed">
          另有 {rows.length - ROWS_SHOWN} 件未列出
        </Text>
      ) : null}
    </Stack>
  );
}
