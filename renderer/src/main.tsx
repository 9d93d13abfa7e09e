// First: zod must be configured before any schema in @shared/api is built or used.
import './setup/zod';
import { client, firstStatus } from './setup/early-client';
import './setup/dayjs';
import './setup/styles-first-screen';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apiKey, createQueryClient } from './api';
import { unwrap } from './api/errors';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// The status asked for above becomes the gate's first answer; a failure is the gate's to show.
void queryClient.prefetchQuery({
  queryKey: apiKey('system.status', {}),
  queryFn: async () => unwrap(await firstStatus),
});

createRoot(container).render(
  <StrictMode>
    <App client={client} queryClient={queryClient} />
  </StrictMode>,
);
