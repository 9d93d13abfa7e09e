import { Button, Menu, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS, type User } from '@shared/api';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useSessionActions } from '../../session';
import { useLockScreen } from '../IdleLock';

interface UserMenuProps {
  /** The signed-in user. */
  user: User;
}

/** 锁定 for a short absence; 切换用户 when a colleague takes over the shared PC. */
export function UserMenu({ user }: UserMenuProps) {
  const { signOut } = useSessionActions();
  const lock = useLockScreen();
  const [changing, { open, close }] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={180}>
        <Menu.Target>
          <Button variant="subtle" aria-label={`用户菜单：${user.displayName}`}>
            {user.displayName}（{ROLE_LABELS[user.role]}）
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={lock}>锁定</Menu.Item>
          <Menu.Item onClick={() => void signOut()}>切换用户</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={open}>修改密码</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={close} title="修改密码">
        <ChangePasswordForm
          user={user}
          onChanged={() => {
            close();
            notifications.show({ color: 'teal', message: '密码已修改' });
          }}
        />
      </Modal>
    </>
  );
}
