export { DatabaseDamagedPage } from './DatabaseDamagedPage';
