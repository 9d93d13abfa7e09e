import type { SystemStatus } from '@shared/api';
import { createContext, use, useEffect, useState } from 'react';
import { createHashRouter, RouterProvider, type DataRouter } from 'react-router';
import type { ClientSession } from '../../api';
import { DeskModals } from '../../components/DeskModals';
import { guardWindowClose } from '../../lib/unsaved-work';
import { AppLayout } from './AppLayout';

interface RoutedAppLayoutProps {
  status: SystemStatus;
  session: ClientSession;
}

// One router per shell; the status and session it shows change, so they reach it this way.
const LayoutProps = createContext<RoutedAppLayoutProps | null>(null);

const mounted = new WeakSet<DataRouter>();

function LayoutRoute() {
  const props = use(LayoutProps);
  if (!props) throw new Error('LayoutRoute rendered outside RoutedAppLayout');
  return <AppLayout {...props} />;
}

function createShellRouter(): DataRouter {
  return createHashRouter([{ path: '*', element: <LayoutRoute /> }]);
}

/**
 * The shell with its own router, which only signed-in screens use: react-router stays out of the
 * sign-in screen's script (issue 12). Hash routes work the same under app:// and
 * http://127.0.0.1. A data router, so that a form whose draft could not be saved can ask before
 * the menu takes the person elsewhere (useBlocker).
 */
export function RoutedAppLayout(props: RoutedAppLayoutProps) {
  const [router] = useState(createShellRouter);
  useEffect(() => guardWindowClose(), []);
  // Sign-out unmounts the shell: its router's history listener must not outlive it. Disposed a task
  // later, not at once: StrictMode unmounts and mounts again straight away in development.
  useEffect(() => {
    mounted.add(router);
    return () => {
      mounted.delete(router);
      setTimeout(() => {
        if (!mounted.has(router)) router.dispose();
      });
    };
  }, [router]);
  return (
    <DeskModals>
      <LayoutProps value={props}>
        <RouterProvider router={router} />
      </LayoutProps>
    </DeskModals>
  );
}
