import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import classes from './App.module.css';
import { ApiClientProvider, createQueryClient, type ApiClient } from './api';
import { ErrorBoundary } from './components/ErrorBoundary';
import { AppGate } from './shell/AppGate';
import { theme } from './theme';

interface AppProps {
  /** The typed client over window.desk or browser mode's HTTP API. */
  client: ApiClient;
}

/**
 * Hash routes work the same under app:// and http://127.0.0.1. A data router, so that a form whose
 * draft could not be saved can ask before the menu takes the person elsewhere (useBlocker).
 */
function createRouter() {
  return createHashRouter([{ path: '*', element: <AppGate /> }]);
}

export function App({ client }: AppProps) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="top-right" classNames={{ root: classes.notifications }} />
        <ErrorBoundary>
          <ApiClientProvider client={client}>
            <QueryClientProvider client={queryClient}>
              <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
                <RouterProvider router={router} />
              </ModalsProvider>
            </QueryClientProvider>
          </ApiClientProvider>
        </ErrorBoundary>
      </DatesProvider>
    </MantineProvider>
  );
}
