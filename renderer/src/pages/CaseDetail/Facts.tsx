import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FactItem {
  label: string;
  value: ReactNode;
}

interface FactsProps {
  items: FactItem[];
  /** Columns on a 1366-wide counter screen. */
  cols?: number;
}

/** Label above value, in a grid: the case's particulars read at a glance, as on a paper form. */
export function Facts({ items, cols = 4 }: FactsProps) {
  return (
    <SimpleGrid cols={{ base: 2, md: cols }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
      {items.map((item) => (
        <Stack key={item.label} gap={2}>
          <Text component="dt" size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
