import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ORG_LEVEL_LABELS, ROLE_LABELS } from '@shared/api';
import { formatDateTime, greeting } from '../../lib/time';
import { useCurrentUser, useSystemStatus } from '../../session';
import { CaseWidgets } from './CaseWidgets';
import { MediationWidgets } from './MediationWidgets';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={500} mt={4}>
        {value}
      </Text>
    </Paper>
  );
}

/** The 工作台: who is signed in where, and the terminal's real state; features arrive with their issues. */
export function HomePage() {
  const user = useCurrentUser();
  const status = useSystemStatus();
  const { orgUnit, terminal } = status;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>
          {greeting(new Date())}，{user.displayName}
        </Title>
        <Text c="dimmed">
          您以{ROLE_LABELS[user.role]}身份登录{user.orgUnitName}。
        </Text>
      </Stack>
      <CaseWidgets />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Fact label="角色" value={ROLE_LABELS[user.role]} />
        <Fact
          label="所属单位"
          value={
            orgUnit && orgUnit.id === user.orgUnitId
              ? `${orgUnit.name} · ${ORG_LEVEL_LABELS[orgUnit.level]} · ${orgUnit.code}`
              : user.orgUnitName
          }
        />
        <Fact
          label="本终端"
          value={terminal ? `${terminal.name}（${terminal.number} 号终端）` : '未登记'}
        />
        <Fact
          label="最近备份"
          value={status.lastBackupAt ? formatDateTime(status.lastBackupAt) : '尚未备份'}
        />
        <Fact label="自动锁屏" value={`${status.idleLockMinutes} 分钟无操作后`} />
        <Fact label="程序版本" value={status.appVersion} />
      </SimpleGrid>
      <MediationWidgets />
    </Stack>
  );
}
