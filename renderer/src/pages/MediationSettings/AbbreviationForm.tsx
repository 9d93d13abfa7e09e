import { Alert, Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { MethodOutput } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { apiKey, useApiMutation } from '../../api';
import { showFieldErrors, zodValidator } from '../../lib/form';
import { todayIso } from '../../lib/time';
import { abbreviationFormSchema, sampleCaseNumber } from './abbreviation';

type Settings = MethodOutput<'mediation.getSettings'>;

interface AbbreviationValues {
  abbreviation: string;
}

/** 案号简称: the unit's part of （2026）鹿五马人调字第N号; empty derives it from the unit's name. */
export function AbbreviationForm({ settings }: { settings: Settings }) {
  const queryClient = useQueryClient();
  const year = Number(todayIso().slice(0, 4));
  const form = useForm<AbbreviationValues>({
    initialValues: { abbreviation: settings.abbreviation ?? '' },
    validate: zodValidator(abbreviationFormSchema),
  });
  const save = useApiMutation('mediation.updateSettings', {
    meta: { errorShownInline: true },
    onSuccess: (saved) => {
      // The page remounts this form on the new settings (its key), so the form is clean again.
      queryClient.setQueryData(apiKey('mediation.getSettings', {}), saved);
      notifications.show({
        color: 'teal',
        message: `案号简称已保存：${saved.effectiveAbbreviation}`,
      });
    },
  });

  const typed = form.values.abbreviation.trim();
  const sample = sampleCaseNumber(typed || settings.effectiveAbbreviation, year);
  const derivedUsable = sampleCaseNumber(settings.effectiveAbbreviation, year) !== null;

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        abbreviation: values.abbreviation.trim() || null,
        // The thresholds are set on the same record (风险预警); keep them as they are.
        riskThresholds: settings.riskThresholds,
      },
      { onError: (error) => showFieldErrors(form, error) },
    ),
  );

  return (
    <Paper withBorder p="md" radius="md" maw={640} component="section" aria-labelledby="abbr-title">
      <Title order={3} size="h5" id="abbr-title" mb="sm">
        案号简称（{settings.orgUnitName}）
      </Title>
      {!derivedUsable && settings.abbreviation === null ? (
        <Alert color="orange" mb="sm" title="尚未设置案号简称">
          无法由单位名称生成案号简称（“{settings.effectiveAbbreviation}”），设置之前不能登记纠纷。
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label="案号简称"
            description="1 到 10 个汉字，不含“人调”，通常为县（区）首字加本单位名称，如“鹿五马”。留空则按单位名称自动生成。"
            placeholder={derivedUsable ? `自动：${settings.effectiveAbbreviation}` : undefined}
            autoFocus
            autoComplete="off"
            w={360}
            {...form.getInputProps('abbreviation')}
          />
          <Text size="sm" aria-live="polite">
            {sample ? `案号示例：${sample}` : null}
            {!sample && !typed ? '请填写案号简称' : null}
          </Text>
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              保存案号简称
            </Button>
            <Text size="xs" c="dimmed">
              已登记的案号不会改变；改后新登记的纠纷使用新简称。
            </Text>
          </Group>
          {save.error && !save.error.fields ? (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          ) : null}
        </Stack>
      </form>
      <Text size="xs" c="dimmed" mt="sm">
        风险预警的金额、人数预警线在
        <Anchor component={Link} to="/mediation/risks" size="xs">
          风险预警
        </Anchor>
        页设置。
      </Text>
    </Paper>
  );
}
