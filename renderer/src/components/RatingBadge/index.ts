export { RatingBadge } from './RatingBadge';
