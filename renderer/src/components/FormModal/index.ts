export { FormModal } from './FormModal';
