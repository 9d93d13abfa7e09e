export { FollowupsPage } from './FollowupsPage';
