import { Button, Checkbox, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  ORG_LEVEL_LABELS,
  ORG_LEVELS,
  ROLE_LABELS,
  ROLES,
  usersMethods,
  type OrgUnit,
  type Role,
} from '@shared/api';
import { useApiQuery } from '../../api';
import { allOf, showFieldErrors, zodValidator } from '../../lib/form';
import { PASSWORD_RULE_DESCRIPTION, passwordProblem } from '../../lib/password';
import { useSystemStatus } from '../../session';
import { useUserMutation } from './use-user-mutation';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
}

interface NewUserValues {
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  initialPassword: string;
  addToRoster: boolean;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Units by their plain names, grouped by level (a village's name says nothing of its level). */
function unitOptions(units: readonly OrgUnit[]) {
  return ORG_LEVELS.map((level) => ({
    group: ORG_LEVEL_LABELS[level],
    items: units
      .filter((unit) => unit.level === level)
      .map((unit) => ({ value: unit.id, label: unit.name })),
  })).filter((group) => group.items.length > 0);
}

export function CreateUserModal({ opened, onClose }: CreateUserModalProps) {
  const status = useSystemStatus();
  const orgUnits = useApiQuery('orgUnits.list', {}, { enabled: opened });
  const form = useForm<NewUserValues>({
    mode: 'uncontrolled',
    initialValues: {
      username: '',
      displayName: '',
      role: 'clerk',
      orgUnitId: status.orgUnit?.id ?? '',
      initialPassword: '',
      addToRoster: true,
    },
    validate: allOf<NewUserValues>(zodValidator(usersMethods['users.create'].input), (values) => ({
      initialPassword: passwordProblem(values.initialPassword, values.username.trim()),
    })),
  });
  const role = form.useWatchValue('role');
  const create = useUserMutation('users.create', '已新建用户，请把初始密码当面告知本人');

  function close() {
    form.reset();
    create.reset();
    onClose();
  }

  const orgOptions = unitOptions(orgUnits.data ?? []);

  return (
    <FormModal dirty={form.isDirty()} opened={opened} onClose={close} title="新建用户" size="md">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate(
            { ...values, addToRoster: values.role === 'mediator' && values.addToRoster },
            { onSuccess: close, onError: (e) => showFieldErrors(form, e) },
          ),
        )}
      >
        <Stack gap="md">
          <TextInput
            label="用户名"
            withAsterisk
            data-autofocus
            autoComplete="off"
            description="登录用，3 到 32 位字母、数字、下划线、点或横线"
            key={form.key('username')}
            {...form.getInputProps('username')}
          />
          <TextInput
            label="姓名"
            withAsterisk
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
          <Select
            label="所属单位"
            withAsterisk
            searchable
            allowDeselect={false}
            nothingFoundMessage="没有找到"
            data={orgOptions}
            key={form.key('orgUnitId')}
            {...form.getInputProps('orgUnitId')}
          />
          {role === 'mediator' ? (
            <Checkbox
              label="同时加入所属单位调解委员会的调解员名册"
              description="在名册上才能被指派、记录调解；背景和擅长的纠纷类型可在“调解员”页补充"
              key={form.key('addToRoster')}
              {...form.getInputProps('addToRoster', { type: 'checkbox' })}
            />
          ) : null}
          <PasswordInput
            label="初始密码"
            withAsterisk
            autoComplete="new-password"
            description={`${PASSWORD_RULE_DESCRIPTION}。本人首次登录时须修改`}
            key={form.key('initialPassword')}
            {...form.getInputProps('initialPassword')}
          />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={create.isPending}>
              创建
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
