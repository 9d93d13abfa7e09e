import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface CenteredScreenProps {
  /** Heading of the card. */
  title: string;
  /** Line under the heading, e.g. the org unit and terminal. */
  subtitle?: ReactNode;
  /** Card width in px. */
  width?: number;
  children: ReactNode;
}

/** The full-window card used by the screens shown before the app shell: setup, sign-in, recovery. */
export function CenteredScreen({ title, subtitle, width = 420, children }: CenteredScreenProps) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={width} maw="100%">
        <Stack gap="lg">
          <Stack gap={4}>
            <Text c="blue.8" fw={700} size="sm">
              基层一窗通
            </Text>
            <Title order={2}>{title}</Title>
            {subtitle ? (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
