// First: zod must be configured before any schema in @shared/api is built or used.
import './setup/zod';
import './setup/dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiKey, createQueryClient } from './api';
import { unwrap } from './api/errors';
import { App } from './App';
import { client, firstStatus, firstStatusIfArrived } from './setup/early-client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
const statusKey = apiKey('system.status', {});
// The status asked for by the first script becomes the gate's first answer. Come already, the first
// render shows the screen it decides instead of a loader; a failure is the gate's to show.
const arrived = firstStatusIfArrived();
if (arrived?.ok) queryClient.setQueryData(statusKey, arrived.value);
else
  void queryClient.prefetchQuery({
    queryKey: statusKey,
    queryFn: async () => unwrap(await firstStatus),
  });

createRoot(container).render(
  <StrictMode>
    <App client={client} queryClient={queryClient} />
  </StrictMode>,
);
