export { ForcedChangePasswordPage } from './ForcedChangePasswordPage';
