export { DueDate } from './DueDate';
