import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { MethodOutput } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { fenToYuan, formatFen, yuanToFen } from '../../lib/money';

type Settings = MethodOutput<'mediation.getSettings'>;

interface ThresholdValues {
  amountOn: boolean;
  amountYuan: number | string;
  peopleOn: boolean;
  people: number | string;
}

function valuesOf(settings: Settings): ThresholdValues {
  const { amountFen, people } = settings.riskThresholds;
  return {
    amountOn: amountFen !== null,
    amountYuan: amountFen === null ? '' : fenToYuan(amountFen),
    peopleOn: people !== null,
    people: people ?? '',
  };
}

function validate(values: ThresholdValues) {
  const positive = (on: boolean, value: number | string, message: string) =>
    on && !(typeof value === 'number' && value > 0) ? message : null;
  return {
    amountYuan: positive(values.amountOn, values.amountYuan, '请填写大于 0 的金额，或取消勾选'),
    people: positive(values.peopleOn, values.people, '请填写大于 0 的人数，或取消勾选'),
  };
}

function Current({ settings }: { settings: Settings }) {
  const { amountFen, people } = settings.riskThresholds;
  return (
    <Text size="sm">
      金额预警线：{amountFen === null ? '未设置' : `${formatFen(amountFen)}及以上`}；人数预警线：
      {people === null ? '未设置' : `${people} 人及以上`}
    </Text>
  );
}

interface RiskThresholdsProps {
  settings: Settings;
  /** Only the supervisor sets the thresholds; an auditor reads them. */
  editable: boolean;
}

/** 预警线: the amount and people thresholds of the rules; unticked switches a rule off. */
export function RiskThresholds({ settings, editable }: RiskThresholdsProps) {
  const queryClient = useQueryClient();
  const form = useForm<ThresholdValues>({ initialValues: valuesOf(settings), validate });
  const save = useApiMutation('mediation.updateSettings', {
    meta: { errorShownInline: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(apiKey('mediation.getSettings', {}), saved);
      void queryClient.invalidateQueries({ queryKey: apiKey('mediation.riskFlags') });
      form.setInitialValues(valuesOf(saved));
      form.reset();
      notifications.show({ color: 'teal', message: '预警线已保存，预警名单已按新预警线重新计算' });
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        // The abbreviation is set on the same record; keep it as it is.
        abbreviation: settings.abbreviation,
        riskThresholds: {
          amountFen: values.amountOn ? yuanToFen(values.amountYuan) : null,
          people: values.peopleOn ? Number(values.people) : null,
        },
      },
      {
        onError: (error) =>
          showFieldErrors(form, error, {
            'riskThresholds.amountFen': 'amountYuan',
            'riskThresholds.people': 'people',
          }),
      },
    ),
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="thresholds-title">
      <Title order={3} size="h5" id="thresholds-title" mb={4}>
        预警线设置（{settings.orgUnitName}）
      </Title>
      {editable ? (
        <form noValidate onSubmit={submit}>
          <Stack gap="sm">
            <Group align="flex-start" gap="xl">
              <Stack gap={6}>
                <Checkbox
                  label="涉及金额达到预警线时预警"
                  {...form.getInputProps('amountOn', { type: 'checkbox' })}
                />
                <NumberInput
                  label="金额预警线（元）"
                  w={220}
                  min={0}
                  decimalScale={2}
                  thousandSeparator=","
                  disabled={!form.values.amountOn}
                  {...form.getInputProps('amountYuan')}
                />
              </Stack>
              <Stack gap={6}>
                <Checkbox
                  label="涉及人数达到预警线时预警"
                  {...form.getInputProps('peopleOn', { type: 'checkbox' })}
                />
                <NumberInput
                  label="人数预警线（人）"
                  w={160}
                  min={1}
                  allowDecimal={false}
                  disabled={!form.values.peopleOn}
                  {...form.getInputProps('people')}
                />
              </Stack>
            </Group>
            <Group gap="sm">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                保存预警线
              </Button>
              <Text size="xs" c="dimmed">
                “达到”含本数；同一当事人、同一地址、风险重大、回访反复四条规则始终生效。
              </Text>
            </Group>
          </Stack>
        </form>
      ) : (
        <Current settings={settings} />
      )}
    </Paper>
  );
}
