import {
  Alert,
  Button,
  Divider,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ORG_LEVEL_LABELS, type HubStatus } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKey, useApiMutation } from '../../api';
import { HubJoinForm } from '../../components/HubJoinForm';
import { showFieldErrors } from '../../lib/form';
import { PASSWORD_RULE_DESCRIPTION } from '../../lib/password';
import {
  INITIAL_JOIN_VALUES,
  toCompleteSetupInput,
  validateJoin,
  type JoinValues,
} from './join-form';

interface JoinHubSetupProps {
  /** A join made earlier whose administrator is not created yet. */
  pending: HubStatus | null;
}

function Joined({ joined }: { joined: HubStatus }) {
  const unit = joined.orgUnit;
  return (
    <Alert color="teal" title="已加入县级平台">
      <Text size="sm">
        {joined.hubName}（{joined.hubUrl}）
        <br />
        本单位：{unit ? `${unit.name}（${ORG_LEVEL_LABELS[unit.level]}，${unit.code}）` : '—'}
        <br />
        终端编号：{joined.terminalNumber}（由县级平台分配）
        {joined.orgTreeEdition ? `；组织机构第 ${joined.orgTreeEdition} 版` : ''}
      </Text>
    </Alert>
  );
}

/** After joining: this terminal's name and the first administrator, as in the standalone setup. */
function CompleteJoin({ joined }: { joined: HubStatus }) {
  const queryClient = useQueryClient();
  const form = useForm<JoinValues>({
    mode: 'uncontrolled',
    initialValues: INITIAL_JOIN_VALUES,
    validate: validateJoin,
  });
  const complete = useApiMutation('hub.completeSetup', {
    meta: { errorShownInline: true },
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        title: '初始设置完成',
        message: '请使用刚才设置的管理员账号登录',
      });
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const problem = complete.error && !complete.error.fields ? complete.error.message : null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => complete.mutate(toCompleteSetupInput(values)))}
    >
      <Stack gap="md">
        <Joined joined={joined} />
        <TextInput
          label="终端名称"
          withAsterisk
          autoFocus
          description="这台电脑的名称，例如：一号窗口、综合受理窗口"
          key={form.key('terminalName')}
          {...form.getInputProps('terminalName')}
        />
        <TextInput
          label="窗口联系电话"
          inputMode="tel"
          autoComplete="off"
          description="印在受理回执等文书上，如 0577-88881234。可以留空，以后在“系统设置”中填写。"
          key={form.key('counterPhone')}
          {...form.getInputProps('counterPhone')}
        />
        <Divider label="第一位系统管理员" labelPosition="left" />
        <TextInput
          label="管理员用户名"
          withAsterisk
          autoComplete="off"
          description="3 到 32 位字母、数字、下划线、点或横线，例如 admin"
          key={form.key('admin.username')}
          {...form.getInputProps('admin.username')}
        />
        <TextInput
          label="管理员姓名"
          withAsterisk
          key={form.key('admin.displayName')}
          {...form.getInputProps('admin.displayName')}
        />
        <PasswordInput
          label="密码"
          withAsterisk
          autoComplete="new-password"
          description={PASSWORD_RULE_DESCRIPTION}
          key={form.key('admin.password')}
          {...form.getInputProps('admin.password')}
        />
        <PasswordInput
          label="确认密码"
          withAsterisk
          autoComplete="new-password"
          key={form.key('admin.confirmPassword')}
          {...form.getInputProps('admin.confirmPassword')}
        />
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={complete.isPending}>
            完成设置
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function JoinHubSetup({ pending }: JoinHubSetupProps) {
  const [joined, setJoined] = useState<HubStatus | null>(pending);
  if (joined) return <CompleteJoin joined={joined} />;
  return <HubJoinForm method="hub.join" submitLabel="加入" onJoined={setJoined} />;
}
