import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ROLE_LABELS, ROLES, type Role, type User } from '@shared/api';
import { FormModal, FormModalCancel } from '../../components/FormModal';
import { showFieldErrors } from '../../lib/form';
import { useUserMutation } from './use-user-mutation';

interface EditUserModalProps {
  user: User | null;
  onClose: () => void;
}

interface EditUserValues {
  displayName: string;
  role: Role;
  addToRoster: boolean;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** 修改: a person's name and role; one made 调解员 is offered the committee's roster at once. */
export function EditUserModal({ user, onClose }: EditUserModalProps) {
  return user ? <EditUserForm key={user.id} user={user} onClose={onClose} /> : null;
}

function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const form = useForm<EditUserValues>({
    mode: 'uncontrolled',
    initialValues: { displayName: user.displayName, role: user.role, addToRoster: true },
  });
  const role = form.useWatchValue('role');
  const update = useUserMutation('users.update', '已保存用户信息');
  const offerRoster = role === 'mediator' && !user.onRoster;

  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="修改用户" size="md">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          update.mutate(
            {
              userId: user.id,
              orgUnitId: user.orgUnitId,
              displayName: values.displayName,
              role: values.role,
              addToRoster: offerRoster && values.addToRoster,
            },
            { onSuccess: onClose, onError: (e) => showFieldErrors(form, e) },
          ),
        )}
      >
        <Stack gap="md">
          <Text size="sm">
            用户名 {user.username}，所属单位 {user.orgUnitName}
          </Text>
          <TextInput
            label="姓名"
            withAsterisk
            data-autofocus
            key={form.key('displayName')}
            {...form.getInputProps('displayName')}
          />
          <Select
            label="角色"
            withAsterisk
            allowDeselect={false}
            data={ROLE_OPTIONS}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
          {offerRoster ? (
            <Checkbox
              label="同时加入所属单位调解委员会的调解员名册"
              description="在名册上才能被指派、记录调解；背景和擅长的纠纷类型可在“调解员”页补充"
              key={form.key('addToRoster')}
              {...form.getInputProps('addToRoster', { type: 'checkbox' })}
            />
          ) : null}
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={update.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
