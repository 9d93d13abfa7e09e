import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@shared/api';
import { CenteredScreen } from '../../components/CenteredScreen';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useSessionActions } from '../../session';

interface ForcedChangePasswordPageProps {
  /** The signed-in user whose password was set by an administrator (or at setup). */
  user: User;
}

/** A new or reset password is known to someone else: it must be changed before anything else. */
export function ForcedChangePasswordPage({ user }: ForcedChangePasswordPageProps) {
  const { signOut } = useSessionActions();
  return (
    <CenteredScreen title="请修改初始密码" subtitle={`${user.displayName}（${user.username}）`}>
      <Text size="sm">
        您的密码是由管理员设置的初始密码。为了账号安全，请先设置一个只有您自己知道的新密码，然后才能继续使用。
      </Text>
      <ChangePasswordForm
        user={user}
        onChanged={() => notifications.show({ color: 'teal', message: '密码已修改' })}
        secondaryAction={
          <Button variant="subtle" onClick={() => void signOut()}>
            退出登录
          </Button>
        }
      />
    </CenteredScreen>
  );
}
