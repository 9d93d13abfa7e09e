import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { writePrivateFileAtomically } from '../backend/core/private-files';

/** The audit key as safeStorage encrypted it (DPAPI on Windows, the keychain or keyring elsewhere). */
const ENCRYPTED_KEY_FILE = 'audit-chain.key.enc';

/**
 * The key that signs the audit chain, kept encrypted by the OS for this user, outside the data
 * folder an administrator backs up and copies around. Created on first use, whole or not at all.
 * Undefined where the OS offers no encryption (Linux
 * without a keyring): the backend then keeps its key in a 0600 file in the data folder.
 */
export function auditKeyHex(
  userData: string,
  log: { warn(...data: unknown[]): void; error(...data: unknown[]): void },
): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('safeStorage 不可用，审计密钥改存于数据文件夹（仅本用户可读）');
    return undefined;
  }
  const file = join(userData, ENCRYPTED_KEY_FILE);
  if (existsSync(file)) {
    try {
      return safeStorage.decryptString(readFileSync(file));
    } catch (error) {
      // The counter keeps working; entries signed from now on cannot prove the earlier ones, and
      // 校验完整性 says the chain was signed with another key.
      log.error('审计密钥无法解密，改用数据文件夹中的密钥', error);
      return undefined;
    }
  }
  const key = randomBytes(32).toString('hex');
  writePrivateFileAtomically(file, safeStorage.encryptString(key));
  return key;
}
