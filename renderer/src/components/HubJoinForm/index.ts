export { HubJoinForm } from './HubJoinForm';
