import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface WidgetCardProps {
  title: string;
  /** Everything the card counts, including what it does not list. */
  count: number;
  /** Red when something is past its date. */
  urgent?: boolean;
  empty: string;
  children?: ReactNode;
}

/** One card of the 工作台: a title, how many, and the rows or a line saying there are none. */
export function WidgetCard({ title, count, urgent, empty, children }: WidgetCardProps) {
  const id = `widget-${title}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        <Badge color={count === 0 ? 'gray' : urgent ? 'red' : 'blue'} variant="light">
          {count} 件
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
