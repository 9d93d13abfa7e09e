export { ResidentRatingPage } from './ResidentRatingPage';
