export { MaterialAttachments } from './MaterialAttachments';
