import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useApiQuery, useSessionState } from '../api';
import { CenteredScreen } from '../components/CenteredScreen';
import { ForcedChangePasswordPage } from '../pages/ChangePassword';
import { DatabaseDamagedPage } from '../pages/DatabaseDamaged';
import { SetupWizard } from '../pages/Setup';
import { SignInPage } from '../pages/SignIn';
import { useBackendEvents } from '../session';
import { AppLayout } from './AppLayout';

/** Chooses the one screen the terminal's state allows: recovery, setup, sign-in, password change, app. */
export function AppGate() {
  useBackendEvents();
  // Refetched now and then: the last backup time and online state change without anyone asking.
  const status = useApiQuery('system.status', {}, { refetchInterval: 60_000 });
  const { session } = useSessionState();

  if (status.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="正在启动" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <CenteredScreen title="无法连接本机服务">
        <Stack>
          <Text role="alert">{status.error.message}</Text>
          <Button onClick={() => void status.refetch()}>重试</Button>
        </Stack>
      </CenteredScreen>
    );
  }
  if (status.data.database === 'damaged') return <DatabaseDamagedPage status={status.data} />;
  if (!status.data.setupDone) return <SetupWizard />;
  if (!session) return <SignInPage status={status.data} />;
  if (session.user.mustChangePassword) return <ForcedChangePasswordPage user={session.user} />;
  return <AppLayout status={status.data} session={session} />;
}
