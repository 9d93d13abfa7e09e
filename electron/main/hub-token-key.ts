import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileAtomically } from '../backend/core/private-files';

/** The part of Electron's safeStorage used here, so that a test can hand in its own. */
export interface SealingStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** The key that seals the hub token, as safeStorage encrypted it; outside the data folder. */
export const ENCRYPTED_HUB_KEY_FILE = 'hub-token.key.enc';

/**
 * The key with which the backend seals the county hub's token (electron/backend/hub/token-store.ts).
 * The backend never imports Electron, so main unwraps the key with safeStorage and hands it over, as
 * it does the audit key. Undefined where the OS offers no encryption: the backend then keeps the
 * token in a 0600 file in the data folder, as browser mode does. A key that no longer decrypts
 * (another Windows account, a new keyring) is replaced: the old token is then unreadable and the
 * settings page offers 重新连接.
 */
export function hubTokenKeyHex(
  userData: string,
  storage: SealingStorage,
  log: { warn(...data: unknown[]): void; error(...data: unknown[]): void },
): string | undefined {
  if (!storage.isEncryptionAvailable()) {
    log.warn('safeStorage 不可用，县级平台令牌改存于数据文件夹（仅本用户可读）');
    return undefined;
  }
  const file = join(userData, ENCRYPTED_HUB_KEY_FILE);
  if (existsSync(file)) {
    try {
      return storage.decryptString(readFileSync(file));
    } catch (error) {
      log.error('县级平台令牌密钥无法解密，已换用新密钥，需重新连接县级平台', error);
    }
  }
  const key = randomBytes(32).toString('hex');
  writePrivateFileAtomically(file, storage.encryptString(key));
  return key;
}
