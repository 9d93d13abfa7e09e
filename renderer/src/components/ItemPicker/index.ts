export { ItemPicker } from './ItemPicker';
