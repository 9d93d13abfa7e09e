import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import classes from './App.module.css';
import { ApiClientProvider, type ApiClient } from './api';
import { ErrorBoundary } from './components/ErrorBoundary';
import { AppGate } from './shell/AppGate';
import { theme } from './theme';

interface AppProps {
  /** The typed client over window.desk or browser mode's HTTP API. */
  client: ApiClient;
  /** Made by boot.tsx, which seeds it with the status the first script asked for. */
  queryClient: QueryClient;
}

export function App({ client, queryClient }: AppProps) {
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <Notifications position="top-right" classNames={{ root: classes.notifications }} />
        <ErrorBoundary>
          <ApiClientProvider client={client}>
            <QueryClientProvider client={queryClient}>
              {/* The router and modals come with the shell (RoutedAppLayout): sign-in needs neither. */}
              <AppGate />
            </QueryClientProvider>
          </ApiClientProvider>
        </ErrorBoundary>
      </DatesProvider>
    </MantineProvider>
  );
}
