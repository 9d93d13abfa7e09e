export { IdleLock } from './IdleLock';
export { useLockScreen } from './use-lock-screen';
