import { PasswordInput, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PASSWORD_RULE_DESCRIPTION } from '../../lib/password';
import type { SetupValues } from './setup-form';

interface AdminStepProps {
  /** The wizard's form. */
  form: UseFormReturnType<SetupValues>;
}

export function AdminStep({ form }: AdminStepProps) {
  return (
    <Stack gap="md">
      <TextInput
        label="管理员用户名"
        withAsterisk
        autoFocus
        autoComplete="off"
        description="3 到 32 位字母、数字、下划线、点或横线，例如 admin"
        {...form.getInputProps('admin.username')}
      />
      <TextInput label="管理员姓名" withAsterisk {...form.getInputProps('admin.displayName')} />
      <PasswordInput
        label="密码"
        withAsterisk
        autoComplete="new-password"
        description={PASSWORD_RULE_DESCRIPTION}
        {...form.getInputProps('admin.password')}
      />
      <PasswordInput
        label="确认密码"
        withAsterisk
        autoComplete="new-password"
        {...form.getInputProps('admin.confirmPassword')}
      />
    </Stack>
  );
}
