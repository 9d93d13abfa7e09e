import { AppShell, Group, ScrollArea, Text } from '@mantine/core';
import type { SystemStatus } from '@shared/api';
import { Suspense, useEffect, useLayoutEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useApiClient, useApiQuery, type ClientSession } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { ClockWarning } from '../../components/SyncStatus';
import { IdleLock } from '../IdleLock';
import { NavMenu } from '../NavMenu';
import { navItemsFor } from '../nav-items';
import { LINKED_ROUTES, BARE_ROUTES, routesFor } from '../routes';
import { StatusBar } from '../StatusBar';
import { UpdateBanner, useUpdateNotice } from '../UpdateBanner';
import { UserMenu } from '../UserMenu';

interface AppLayoutProps {
  status: SystemStatus;
  /** The signed-in session (the gate shows sign-in without one). */
  session: ClientSession;
}

/** The stored user may be stale after a reload (reset, role change): refresh it from the backend. */
function useFreshUser(session: ClientSession) {
  const client = useApiClient();
  const me = useApiQuery('auth.me', {}, { enabled: !session.locked });
  useEffect(() => {
    if (me.data) client.session.setUser(me.data);
  }, [client, me.data]);
}

export function AppLayout({ status, session }: AppLayoutProps) {
  useFreshUser(session);
  const role = session.user.role;

  return (
    <>
      <Suspense fallback={<PageLoader fullScreen />}>
        <Routes>
          {/* Print views and the resident's rating view fill the window without the shell. */}
          {routesFor(BARE_ROUTES, role).map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<Shell status={status} session={session} />} />
        </Routes>
      </Suspense>
      <IdleLock session={session} />
    </>
  );
}

/** Every page opens at its top, not where the page before it was scrolled to. */
function useScrollToTop() {
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
}

function Shell({ status, session }: AppLayoutProps) {
  useScrollToTop();
  const items = navItemsFor(session.user.role, status.orgUnit?.level ?? null);
  const linked = routesFor(LINKED_ROUTES, session.user.role);
  const updates = useUpdateNotice();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'xs' }}
      footer={{ height: 40 }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Text component="span" fw={700} size="lg" c="blue.8">
              基层一窗通
            </Text>
            <Text component="span" c="dimmed" size="sm">
              {status.orgUnit?.name}
            </Text>
          </Group>
          <UserMenu user={session.user} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* A supervisor's menu is taller than the 800 px window less header and status bar. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          <NavMenu items={items} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <UpdateBanner {...updates} />
        <ClockWarning />
        {/* A page's code arrives on its first visit; the shell around it stays where it is. */}
        <Suspense fallback={<PageLoader />}>
          <Routes>
            {[...items, ...linked].map(({ path, Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            {/* A page this role may not open (or an old link) falls back to the 工作台. */}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar status={status} user={session.user} updates={updates} />
      </AppShell.Footer>
    </AppShell>
  );
}
