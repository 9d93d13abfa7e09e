export { BackupTable } from './BackupTable';
export { confirmRestore } from './confirm-restore';
