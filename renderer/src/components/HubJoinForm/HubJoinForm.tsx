import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { hubJoinInputSchema, type HubStatus } from '@shared/api';
import { useApiMutation } from '../../api';
import { showFieldErrors, zodValidator } from '../../lib/form';

interface HubJoinValues {
  hubUrl: string;
  code: string;
}

interface HubJoinFormProps {
  /** hub.join in the wizard on an empty database; hub.reconnect for a terminal in use. */
  method: 'hub.join' | 'hub.reconnect';
  /** The address the terminal knew, so that 重新连接 asks only for the new code. */
  initialUrl?: string;
  submitLabel: string;
  /** `rematched` after 重新连接 of a standalone terminal: how its data was matched to the county's. */
  onJoined: (status: HubStatus & { rematched?: string | null }) => void;
}

/** The hub's address and the enrolment code the county centre issued; Enter submits. */
export function HubJoinForm({ method, initialUrl = '', submitLabel, onJoined }: HubJoinFormProps) {
  const form = useForm<HubJoinValues>({
    mode: 'uncontrolled',
    initialValues: { hubUrl: initialUrl, code: '' },
    validate: zodValidator(hubJoinInputSchema),
  });
  const join = useApiMutation(method, {
    meta: { errorShownInline: true },
    onSuccess: onJoined,
    onError: (error) => showFieldErrors(form, error),
  });
  // A refusal about one field stands under it; the rest (hub unreachable, revoked) above the button.
  const problem = join.error && !join.error.fields ? join.error.message : null;
  return (
    <form noValidate onSubmit={form.onSubmit((values) => join.mutate(values))}>
      <Stack gap="md">
        <TextInput
          label="县级平台地址"
          withAsterisk
          autoFocus={!initialUrl}
          autoComplete="off"
          inputMode="url"
          description="县级中心提供的地址，例如 https://10.33.1.20:8443"
          key={form.key('hubUrl')}
          {...form.getInputProps('hubUrl')}
        />
        <TextInput
          label="加入码"
          withAsterisk
          autoFocus={Boolean(initialUrl)}
          autoComplete="off"
          description="县级中心管理员为本单位签发的注册码，12 位字母和数字，只能使用一次"
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        {problem ? (
          <Alert color="red" role="alert" title="未能加入县级平台">
            {problem}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={join.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
