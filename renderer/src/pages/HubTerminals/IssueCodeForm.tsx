import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ORG_LEVEL_LABELS, type HubEnrolmentCode } from '@shared/api';
import { formatEnrolmentCode } from '@shared/sync/hub-contract';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/time';

/** A one-time code for a new terminal of one unit; shown once, never stored here. */
export function IssueCodeForm({ onIssued }: { onIssued: () => void }) {
  const units = useApiQuery('orgUnits.list', {});
  const [issued, setIssued] = useState<HubEnrolmentCode | null>(null);
  const form = useForm<{ orgUnitId: string | null }>({
    mode: 'uncontrolled',
    initialValues: { orgUnitId: null },
    validate: { orgUnitId: (value) => (value ? null : '请选择新终端所属的单位') },
  });
  const issue = useApiMutation('hub.issueCode', {
    meta: { errorShownInline: true },
    onSuccess: (code) => {
      setIssued(code);
      onIssued();
    },
  });
  const options = (units.data ?? []).map((unit) => ({
    value: unit.id,
    label: `${unit.name}（${ORG_LEVEL_LABELS[unit.level]}，${unit.code}）`,
  }));
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={3}>签发加入码</Title>
        <form
          noValidate
          onSubmit={form.onSubmit(({ orgUnitId }) => {
            setIssued(null);
            if (orgUnitId) issue.mutate({ orgUnitId });
          })}
        >
          <Group align="flex-end">
            <Select
              label="新终端所属单位"
              withAsterisk
              searchable
              data={options}
              w={420}
              nothingFoundMessage="没有这个单位"
              key={form.key('orgUnitId')}
              {...form.getInputProps('orgUnitId')}
            />
            <Button type="submit" loading={issue.isPending}>
              签发加入码
            </Button>
          </Group>
        </form>
        {issue.error ? (
          <Alert color="red" role="alert">
            {issue.error.message}
          </Alert>
        ) : null}
        {issued ? (
          <Alert color="teal" title={`${issued.orgUnit.name}的加入码`}>
            <Stack gap={4}>
              <Text ff="monospace" fz={28} fw={700} aria-label="加入码">
                {formatEnrolmentCode(issued.code)}
              </Text>
              <Text size="sm">
                有效至 {formatDateTime(issued.expiresAt)}
                ，只能使用一次。此码只显示这一次，请抄下交给该终端的管理员。
              </Text>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
