export { HubTerminalsPage } from './HubTerminalsPage';
