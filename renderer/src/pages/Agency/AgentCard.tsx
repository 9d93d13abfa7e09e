import { SimpleGrid, Stack, Text } from '@mantine/core';
import { ROLE_LABELS } from '@shared/api';
import { useCurrentUser } from '../../session';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/**
 * The agent (受托人) is the person signed in; their ID card is checked as a material of the item
 * (受托人居民身份证), so nothing about them is typed here.
 */
export function AgentCard() {
  const user = useCurrentUser();
  return (
    <Stack gap="xs">
      <SimpleGrid cols={3} spacing="sm">
        <Fact label="姓名" value={user.displayName} />
        <Fact label="所属村（社区）" value={user.orgUnitName} />
        <Fact label="身份" value={ROLE_LABELS[user.role]} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        受托人即登录的代办员本人；受托人居民身份证在下方材料清单中核对。
      </Text>
    </Stack>
  );
}
