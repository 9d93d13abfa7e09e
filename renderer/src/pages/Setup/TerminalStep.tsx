import { Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { SetupValues } from './setup-form';

interface TerminalStepProps {
  /** The wizard's form. */
  form: UseFormReturnType<SetupValues>;
}

export function TerminalStep({ form }: TerminalStepProps) {
  return (
    <Stack gap="md">
      <TextInput
        label="终端名称"
        withAsterisk
        autoFocus
        description="这台电脑的名称，例如：一号窗口、综合受理窗口"
        {...form.getInputProps('terminalName')}
      />
      <TextInput
        label="终端编号"
        withAsterisk
        inputMode="numeric"
        maxLength={2}
        description="两位数字，同一单位内不能重复，会写入受理和调解的编号，例如 01"
        {...form.getInputProps('terminalNumber')}
      />
      <TextInput
        label="窗口联系电话"
        inputMode="tel"
        autoComplete="off"
        description="印在受理回执、一次性告知单和不予受理通知书上，群众凭它来电查询，如 0577-88881234。暂不清楚可以留空，以后在“系统设置”中填写。"
        {...form.getInputProps('counterPhone')}
      />
    </Stack>
  );
}
