export { CenteredScreen } from './CenteredScreen';
