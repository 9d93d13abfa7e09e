import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { SystemStatus } from '@shared/api';
import { Suspense, useEffect } from 'react';
import { useApiQuery, useSessionState, type ClientSession } from '../api';
import { CenteredScreen } from '../components/CenteredScreen';
import { PageLoader } from '../components/PageLoader';
import { ForcedChangePasswordPage } from '../pages/ChangePassword';
import { SignInPage } from '../pages/SignIn';
import { useBackendEvents } from '../session';
import { lazyComponent } from './lazy-component';
import { HomePage, IntakePage } from './pages';
import { whenIdle } from './when-idle';

// Only the sign-in screen (and the password change that may follow it) comes with the first
// script; the rest arrives when it is needed (issue 12 item 9).
const AppLayout = lazyComponent(() => import('./AppLayout').then((m) => m.RoutedAppLayout));
const SetupWizard = lazyComponent(() => import('../pages/Setup').then((m) => m.SetupWizard));
const DatabaseDamagedPage = lazyComponent(() =>
  import('../pages/DatabaseDamaged').then((m) => m.DatabaseDamagedPage),
);

/**
 * While a person types their name and password, fetch what comes next: the shell, the 工作台
 * that everyone lands on, and 受理, the counter's next step.
 */
function usePreloadWhileSigningIn(signingIn: boolean) {
  useEffect(() => {
    if (!signingIn) return;
    return whenIdle(() => {
      for (const screen of [AppLayout, HomePage, IntakePage]) {
        // A failed preload is no error yet: the screen's own render fetches again and reports it.
        screen.preload().catch(() => undefined);
      }
    });
  }, [signingIn]);
}

/**
 * A page opened with a session (a reload, a new window) shows the shell: fetch it while the status
 * is asked for rather than after, now that the router, modals and most styles come with it.
 */
function usePreloadWhenSignedIn(signedIn: boolean) {
  useEffect(() => {
    if (signedIn) AppLayout.preload().catch(() => undefined);
  }, [signedIn]);
}

interface ScreenProps {
  status: SystemStatus;
  session: ClientSession | null;
}

function Screen({ status, session }: ScreenProps) {
  if (status.database === 'damaged') return <DatabaseDamagedPage status={status} />;
  if (!status.setupDone) return <SetupWizard />;
  if (!session) return <SignInPage status={status} />;
  if (session.user.mustChangePassword) return <ForcedChangePasswordPage user={session.user} />;
  return <AppLayout status={status} session={session} />;
}

/** Chooses the one screen the terminal's state allows: recovery, setup, sign-in, password change, app. */
export function AppGate() {
  useBackendEvents();
  // Refetched now and then: the last backup time and online state change without anyone asking.
  const status = useApiQuery('system.status', {}, { refetchInterval: 60_000 });
  const { session } = useSessionState();
  usePreloadWhenSignedIn(session !== null);
  usePreloadWhileSigningIn(
    status.data?.database === 'ok' && status.data.setupDone && session === null,
  );

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
  return (
    <Suspense fallback={<PageLoader fullScreen />}>
      <Screen status={status.data} session={session} />
    </Suspense>
  );
}
