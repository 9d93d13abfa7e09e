import { DonutChart } from '@mantine/charts';
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ORG_LEVEL_LABELS, type MediationStats } from '@shared/api';

const LEVELS = [
  { level: 'village', color: 'teal.6' },
  { level: 'township', color: 'blue.6' },
  { level: 'county', color: 'grape.6' },
] as const;

/** 小事不出村、大事不出镇: where the cases resolved in the range were resolved. */
export function LevelShare({ share }: { share: MediationStats['shareByLevel'] }) {
  const data = LEVELS.map(({ level, color }) => ({
    name: ORG_LEVEL_LABELS[level],
    value: share.byLevel[level].count,
    color,
  }));
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      miw={0}
      component="section"
      aria-labelledby="level-share-title"
    >
      <Title order={3} size="h5" id="level-share-title">
        化解层级占比
      </Title>
      <Text size="sm" fw={500} c="teal.8">
        小事不出村、大事不出镇
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        按调解成功时的承办层级计，共化解 {share.resolved} 件
      </Text>
      <Group align="center" gap="sm" wrap="nowrap">
        {share.resolved > 0 ? (
          <DonutChart
            data={data}
            size={110}
            thickness={20}
            withTooltip={false}
            aria-hidden
            chartLabel={`${share.resolved}件`}
          />
        ) : null}
        <Stack gap={0} style={{ flex: 1 }}>
          <Table
            aria-label="化解层级占比"
            withRowBorders={false}
            verticalSpacing={4}
            horizontalSpacing="xs"
            style={{ whiteSpace: 'nowrap' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>层级</Table.Th>
                <Table.Th ta="right">件数</Table.Th>
                <Table.Th ta="right">占比</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {LEVELS.map(({ level }) => (
                <Table.Tr key={level}>
                  <Table.Td>{ORG_LEVEL_LABELS[level]}</Table.Td>
                  <Table.Td ta="right">{share.byLevel[level].count}</Table.Td>
                  <Table.Td ta="right">{share.byLevel[level].percent.toFixed(1)}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Group>
    </Paper>
  );
}
