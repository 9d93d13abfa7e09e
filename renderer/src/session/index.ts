export { useBackendEvents } from './use-backend-events';
export { useCurrentUser, useSystemStatus } from './use-current';
export { useSessionActions } from './use-session-actions';
