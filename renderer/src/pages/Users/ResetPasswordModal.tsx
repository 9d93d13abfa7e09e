import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { User } from '@shared/api';
import { showFieldErrors } from '../../lib/form';
import { PASSWORD_RULE_DESCRIPTION, passwordProblem } from '../../lib/password';
import { useUserMutation } from './use-user-mutation';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface ResetPasswordModalProps {
  /** The user whose password is reset; null keeps the modal closed. */
  user: User | null;
  onClose: () => void;
}

export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newPassword: '' },
    validate: { newPassword: (value) => passwordProblem(value, user?.username) },
  });
  const reset = useUserMutation('users.resetPassword', '密码已重置，请把新密码当面告知本人');

  function close() {
    form.reset();
    reset.reset();
    onClose();
  }

  return (
    <FormModal dirty={form.isDirty()} opened={user !== null} onClose={close} title="重置密码">
      {user ? (
        <form
          noValidate
          onSubmit={form.onSubmit(({ newPassword }) =>
            reset.mutate(
              { userId: user.id, newPassword },
              { onSuccess: close, onError: (e) => showFieldErrors(form, e) },
            ),
          )}
        >
          <Stack gap="md">
            <Text size="sm">
              为 {user.displayName}（{user.username}
              ）设置一个新的初始密码。本人下次登录时须修改；已登录的会话将被结束，锁定也会一并解除。
            </Text>
            <PasswordInput
              label="新的初始密码"
              withAsterisk
              data-autofocus
              autoComplete="new-password"
              description={PASSWORD_RULE_DESCRIPTION}
              key={form.key('newPassword')}
              {...form.getInputProps('newPassword')}
            />
            <Group justify="flex-end">
              <FormModalCancel />
              <Button type="submit" loading={reset.isPending}>
                重置密码
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </FormModal>
  );
}
