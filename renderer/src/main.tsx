// First: zod must be configured before any schema in @shared/api is built or used.
import './setup/zod';
import './setup/dayjs';
import './setup/styles-first-screen';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App client={createApiClient(window)} />
  </StrictMode>,
);
