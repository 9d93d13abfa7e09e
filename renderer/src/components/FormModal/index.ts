export { FormModal, FormModalCancel } from './FormModal';
