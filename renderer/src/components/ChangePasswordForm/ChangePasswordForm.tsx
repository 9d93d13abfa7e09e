import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useForm } from '@mantine/form';
import type { User } from '@shared/api';
import { useApiClient, useApiMutation } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { confirmProblem, PASSWORD_RULE_DESCRIPTION, passwordProblem } from '../../lib/password';

interface ChangePasswordFormProps {
  /** The signed-in user, whose username the new password must not contain. */
  user: User;
  /** Called with the updated user after the backend accepted the new password. */
  onChanged?: (user: User) => void;
  /** Extra buttons beside 修改密码, e.g. 退出登录 or 取消. */
  secondaryAction?: ReactNode;
}

export function ChangePasswordForm({ user, onChanged, secondaryAction }: ChangePasswordFormProps) {
  const client = useApiClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : '请填写当前密码'),
      newPassword: (value) => passwordProblem(value, user.username),
      confirmPassword: (value, values) => confirmProblem(values.newPassword, value),
    },
  });
  const change = useApiMutation('auth.changePassword', {
    onSuccess: (updated) => {
      client.session.setUser(updated);
      onChanged?.(updated);
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
        change.mutate({ currentPassword, newPassword }),
      )}
    >
      <Stack gap="md">
        {/* Lets the browser's password manager know whose password this is. */}
        <input
          type="text"
          name="username"
          value={user.username}
          autoComplete="username"
          readOnly
          hidden
        />
        <PasswordInput
          label="当前密码"
          autoComplete="current-password"
          autoFocus
          data-autofocus
          key={form.key('currentPassword')}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label="新密码"
          description={PASSWORD_RULE_DESCRIPTION}
          autoComplete="new-password"
          key={form.key('newPassword')}
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label="确认新密码"
          autoComplete="new-password"
          key={form.key('confirmPassword')}
          {...form.getInputProps('confirmPassword')}
        />
        <Group justify="space-between">
          {secondaryAction ?? <span />}
          <Button type="submit" loading={change.isPending}>
            修改密码
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
