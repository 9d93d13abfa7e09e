import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps {
  /** The section's key, used as the anchor the table of contents links to. */
  id: string;
  title: string;
  /** Buttons on the right of the heading (记录调解, 打印 …). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of every section of the case file: a titled region the contents can jump to. */
export function SectionCard({ id, title, actions, children }: SectionCardProps) {
  const headingId = `section-${id}`;
  return (
    <Paper
      component="section"
      id={id}
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p="md"
      style={{ scrollMarginTop: 72 }}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      {children}
    </Paper>
  );
}
