import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { SystemStatus } from '@shared/api';
import { useApiMutation, useSessionState } from '../../api';
import { CenteredScreen } from '../../components/CenteredScreen';
import { useSessionActions } from '../../session';

interface SignInPageProps {
  /** The terminal's status, for the org unit and terminal shown above the form. */
  status: SystemStatus;
}

export function SignInPage({ status }: SignInPageProps) {
  const { notice } = useSessionState();
  const { signedIn } = useSessionActions();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    // The checks of auth.signIn's input without its zod schema, which would bring the contract's
    // schemas into the first script (issue 12); the backend parses the input all the same.
    validate: {
      username: (value) => (value.trim() ? null : '请填写用户名'),
      password: (value) => (value ? null : '请填写密码'),
    },
  });
  const signIn = useApiMutation('auth.signIn', {
    meta: { errorShownInline: true },
    onSuccess: signedIn,
    onError: () => form.setFieldValue('password', ''),
  });

  const place = [status.orgUnit?.name, status.terminal?.name].filter(Boolean).join(' · ');

  return (
    <CenteredScreen title="登录" subtitle={place || undefined}>
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack gap="md">
          {signIn.error ? (
            <Alert color="red" role="alert" title="无法登录">
              {signIn.error.message}
            </Alert>
          ) : notice ? (
            <Alert color="yellow" role="status">
              {notice}
            </Alert>
          ) : null}
          <TextInput
            label="用户名"
            autoComplete="username"
            autoFocus
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label="密码"
            autoComplete="current-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" size="md" loading={signIn.isPending}>
            登录
          </Button>
        </Stack>
      </form>
    </CenteredScreen>
  );
}
