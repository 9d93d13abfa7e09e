import {
  Alert,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  DISPUTE_SOURCE_LABELS,
  DISPUTE_SOURCES,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
} from '@shared/domain/mediation/vocabulary';
import { DateField } from '../../../components/DateField';
import {
  referenceOptions,
  useDisputeTypes,
  useMediationReference,
} from '../../../lib/mediation-reference';
import type { DisputeFieldsValues } from './dispute-fields';

const SOURCE_OPTIONS = DISPUTE_SOURCES.map((source) => ({
  value: source,
  label: DISPUTE_SOURCE_LABELS[source],
}));

interface DisputeFieldsInputsProps<V extends DisputeFieldsValues> {
  form: UseFormReturnType<V>;
  /** Focus the type when the form opens. */
  autoFocus?: boolean;
  /** Was 重大 before the edit: raising it now reports again, keeping it does not. */
  wasMajor?: boolean;
}

/** 纠纷类型, 来源, 简要情况, 时间地点, 金额, 人数, 风险等级: registration and its correction alike. */
export function DisputeFieldsInputs<V extends DisputeFieldsValues>({
  form,
  autoFocus,
  wasMajor,
}: DisputeFieldsInputsProps<V>) {
  const reference = useMediationReference();
  const { options: typeOptions, descriptions } = useDisputeTypes();
  const values = form.getValues();
  // The form's values are V; the paths below exist on every V.
  const props = (path: keyof DisputeFieldsValues) => form.getInputProps(path as never);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Select
          label="纠纷类型"
          withAsterisk
          searchable
          data={typeOptions}
          data-autofocus={autoFocus || undefined}
          autoFocus={autoFocus}
          // Typing a few characters and Enter takes the first type that matches.
          selectFirstOptionOnChange
          nothingFoundMessage="没有此类型"
          description={values.type ? descriptions.get(values.type) : '按司法部统计分类选择'}
          renderOption={({ option }) => (
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              <Text size="xs" c="dimmed">
                {descriptions.get(option.value)}
              </Text>
            </Stack>
          )}
          {...props('type')}
        />
        <Select
          label="纠纷来源"
          withAsterisk
          allowDeselect={false}
          data={reference.data ? referenceOptions(reference.data.disputeSources) : SOURCE_OPTIONS}
          {...props('source')}
        />
        {values.source === 'transfer' ? (
          <Select
            label="移送单位"
            withAsterisk
            data={referenceOptions(reference.data?.transferOrigins)}
            {...props('transferOrigin')}
          />
        ) : null}
      </SimpleGrid>
      <Textarea
        label="纠纷简要情况"
        withAsterisk
        autosize
        minRows={3}
        maxRows={10}
        description="起因、经过、当事人的主要诉求"
        {...props('summary')}
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <DateField label="发生日期" {...props('occurredOn')} />
        <TextInput label="发生地点" {...props('place')} />
        <NumberInput
          label="涉及金额（元）"
          min={0}
          decimalScale={2}
          thousandSeparator=","
          hideControls
          {...props('amountYuan')}
        />
        <NumberInput
          label="涉及人数"
          min={1}
          allowDecimal={false}
          hideControls
          {...props('peopleInvolved')}
        />
      </SimpleGrid>
      <Radio.Group label="风险等级" withAsterisk {...props('riskLevel')}>
        <Group mt={6}>
          {RISK_LEVELS.map((level) => (
            <Radio key={level} value={level} label={RISK_LEVEL_LABELS[level]} />
          ))}
        </Group>
      </Radio.Group>
      {values.riskLevel === 'major' && !wasMajor ? (
        <Alert color="red" title="重大风险须立即报告">
          保存后将自动向上一级报送事件报告（重大信息，特急），请同时电话报告上级负责人。
        </Alert>
      ) : null}
    </Stack>
  );
}
