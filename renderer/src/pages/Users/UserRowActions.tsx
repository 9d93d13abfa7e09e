import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { User } from '@shared/api';
import { useUserMutation } from './use-user-mutation';

interface UserRowActionsProps {
  user: User;
  /** The signed-in administrator: the backend refuses actions on oneself, so none are offered. */
  isSelf: boolean;
  onResetPassword: (user: User) => void;
  onEdit: (user: User) => void;
}

export function UserRowActions({ user, isSelf, onResetPassword, onEdit }: UserRowActionsProps) {
  const setDisabled = useUserMutation('users.setDisabled', user.disabled ? '已启用' : '已停用');
  const unlock = useUserMutation('users.unlock', '已解除锁定');
  const remove = useUserMutation('users.delete', '已删除用户');
  const who = `${user.displayName}（${user.username}）`;

  if (isSelf) {
    return (
      <Text size="sm" c="dimmed">
        本人账号
      </Text>
    );
  }

  function confirmDisable() {
    modals.openConfirmModal({
      title: '停用用户',
      children: <Text>停用后 {who} 将无法登录，已登录的会话会立即结束。之后可以重新启用。</Text>,
      labels: { confirm: '停用', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () => setDisabled.mutate({ userId: user.id, disabled: true }),
    });
  }

  function confirmDelete() {
    modals.openConfirmModal({
      title: '删除用户',
      children: <Text>确定删除 {who} 吗？只有从未使用过的账号可以删除。</Text>,
      labels: { confirm: '删除', cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate({ userId: user.id }),
    });
  }

  return (
    <Group gap={6} justify="flex-end" wrap="nowrap">
      <Button
        size="compact-sm"
        variant="light"
        aria-label={`修改 ${user.username}`}
        onClick={() => onEdit(user)}
      >
        修改
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        aria-label={`重置密码 ${user.username}`}
        onClick={() => onResetPassword(user)}
      >
        重置密码
      </Button>
      {user.disabled ? (
        <Button
          size="compact-sm"
          variant="light"
          color="teal"
          aria-label={`启用 ${user.username}`}
          loading={setDisabled.isPending}
          onClick={() => setDisabled.mutate({ userId: user.id, disabled: false })}
        >
          启用
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          aria-label={`停用 ${user.username}`}
          onClick={confirmDisable}
        >
          停用
        </Button>
      )}
      {user.lockedUntil ? (
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          aria-label={`解除锁定 ${user.username}`}
          loading={unlock.isPending}
          onClick={() => unlock.mutate({ userId: user.id })}
        >
          解除锁定
        </Button>
      ) : null}
      {/* Someone who has signed in has acted; the backend keeps them for the audit trail. */}
      {user.lastSignInAt === null ? (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          aria-label={`删除 ${user.username}`}
          onClick={confirmDelete}
        >
          删除
        </Button>
      ) : null}
    </Group>
  );
}
