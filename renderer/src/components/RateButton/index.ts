export { RateButton } from './RateButton';
export { ratingPath, returnPathOf } from './rating-path';
