import { Button, Group, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { settingsSchema, type Settings } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { showFieldErrors, zodValidator } from '../../lib/form';

function SettingsForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const form = useForm<Settings>({
    mode: 'uncontrolled',
    initialValues: settings,
    validate: zodValidator(settingsSchema),
  });
  const save = useApiMutation('settings.update', {
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: '设置已保存' });
      queryClient.setQueryData(apiKey('settings.get', {}), saved);
      form.resetDirty(saved);
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Paper withBorder p="lg" radius="md" maw={520}>
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          <NumberInput
            label="无操作自动锁屏（分钟）"
            description="超过这段时间没有键盘或鼠标操作，屏幕自动锁定，需要输入密码继续。1 到 240 分钟。"
            min={1}
            max={240}
            allowDecimal={false}
            autoFocus
            key={form.key('idleLockMinutes')}
            {...form.getInputProps('idleLockMinutes')}
          />
          <NumberInput
            label="备份保留天数"
            description="这些天内的备份全部保留。1 到 365 天。"
            min={1}
            max={365}
            allowDecimal={false}
            key={form.key('backupRetentionDays')}
            {...form.getInputProps('backupRetentionDays')}
          />
          <NumberInput
            label="每周备份保留份数"
            description="更早的备份每周留一份，保留最近这么多周。0 到 52。"
            min={0}
            max={52}
            allowDecimal={false}
            key={form.key('backupKeepWeeks')}
            {...form.getInputProps('backupKeepWeeks')}
          />
          <NumberInput
            label="每月备份保留份数"
            description="再早的每月留一份，保留最近这么多个月。所有备份合计不超过数据库大小的 1.5 倍，超出时先删最早的。0 到 120。"
            min={0}
            max={120}
            allowDecimal={false}
            key={form.key('backupKeepMonths')}
            {...form.getInputProps('backupKeepMonths')}
          />
          <TextInput
            label="窗口联系电话"
            description="印在受理回执、一次性告知单等文书上，如 0577-88881234。"
            autoComplete="off"
            key={form.key('counterPhone')}
            {...form.getInputProps('counterPhone')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function SettingsPage() {
  const settings = useApiQuery('settings.get', {});
  return (
    <>
      <PageHeader
        title="系统设置"
        description="本终端的安全、备份与窗口联系方式，只有系统管理员可以修改。"
      />
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
    </>
  );
}
