import type { LoggerOptions } from 'pino';
import type { BlobStore } from './blobs';
import type { Db } from './org-units';
import type { RateLimit } from './rate-limit';
import type { ReleaseStore } from './releases';

export interface HubConfig {
  db: Db;
  /** The county this hub process serves: every query filters on it. */
  countyCode: string;
  now: () => Date;
  /** The oldest protocol version still accepted; older terminals are told to update (426). */
  oldestProtocolVersion: number;
  /** Largest request body in bytes. */
  bodyLimit: number;
  /** Largest body of a reference data publish (a whole catalogue or roster), in bytes. */
  referenceBodyLimit: number;
  /** Per token, or per address for requests without one (enrolment). */
  rateLimit: RateLimit;
  enrolRateLimit: RateLimit;
  logger: LoggerOptions | false;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Where uploaded app releases are kept, and the largest installer accepted. */
  releases: ReleaseStore;
  /** Where attachment files are kept (one folder per county), and the largest accepted. */
  blobs: BlobStore;
  /** --oldest-app-version: apps older than this are refused on sync endpoints; null: no floor. */
  oldestAppVersion: string | null;
}

export const DEFAULT_LIMITS = {
  bodyLimit: 2 * 1024 * 1024,
  // A 300-item catalogue is ~0.4 MB of JSON and a 1,000-person roster ~0.25 MB (bench/hub-poll.ts
  // prints both); 8 MB leaves room for the contract's largest roster (20,000 people, ~5 MB).
  referenceBodyLimit: 8 * 1024 * 1024,
  rateLimit: { max: 600, windowMs: 60_000 },
  // Codes are guessed by trying: a few attempts a minute per address is plenty for people typing.
  enrolRateLimit: { max: 10, windowMs: 60_000 },
} as const;
