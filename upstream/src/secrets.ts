import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ENROLMENT_CODE_ALPHABET, ENROLMENT_CODE_LENGTH } from '@shared/sync/hub-contract';

/**
 * A terminal's bearer token: 32 random bytes. The hub stores only its SHA-256; a stolen copy of
 * the database lets nobody act as a terminal. A plain hash suffices (no salt, no slow KDF): the
 * input is random, not a password someone chose.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A one-time enrolment code, about 59 bits; short-lived and rate-limited, so enough to type. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) {
    code += ENROLMENT_CODE_ALPHABET[randomInt(ENROLMENT_CODE_ALPHABET.length)];
  }
  return code;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
