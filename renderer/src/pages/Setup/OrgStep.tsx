import { Divider, Group, Radio, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ORG_LEVEL_LABELS, type OrgLevel } from '@shared/api';
import { DIVISION_CODE_LENGTH } from '@shared/domain/division-code';
import { DemoOrgPicker } from './DemoOrgPicker';
import type { SetupValues } from './setup-form';

const CODE_EXAMPLES: Record<OrgLevel, string> = {
  county: '330302',
  township: '330302001',
  village: '330302001001',
};

// Village first: the order in which the grassroots levels are usually named, smallest up.
const LEVEL_ORDER: OrgLevel[] = ['village', 'township', 'county'];

interface OrgStepProps {
  /** The wizard's form. */
  form: UseFormReturnType<SetupValues>;
}

export function OrgStep({ form }: OrgStepProps) {
  const { level, loadDemoOrgTree } = form.getValues();
  return (
    <Stack gap="md">
      <Radio.Group label="单位层级" withAsterisk {...form.getInputProps('level')}>
        <Group mt="xs">
          {LEVEL_ORDER.map((l) => (
            <Radio key={l} value={l} label={ORG_LEVEL_LABELS[l]} autoFocus={l === level} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label="行政区划代码"
        withAsterisk
        inputMode="numeric"
        maxLength={12}
        description={`${ORG_LEVEL_LABELS[level]}为 ${DIVISION_CODE_LENGTH[level]} 位数字，例如 ${CODE_EXAMPLES[level]}`}
        {...form.getInputProps('divisionCode')}
      />
      <TextInput
        label="单位名称"
        withAsterisk
        description="例如：鹿城区五马街道便民服务中心"
        {...form.getInputProps('orgName')}
      />
      <Divider label="或者" labelPosition="center" />
      <DemoOrgPicker
        level={level}
        enabled={loadDemoOrgTree}
        onEnabledChange={(enabled) => form.setFieldValue('loadDemoOrgTree', enabled)}
        onPick={(node) => {
          form.setValues({ level: node.level, divisionCode: node.code, orgName: node.name });
          form.clearErrors();
        }}
      />
    </Stack>
  );
}
