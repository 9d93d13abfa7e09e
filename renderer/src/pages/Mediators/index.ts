export { MediatorsPage } from './MediatorsPage';
