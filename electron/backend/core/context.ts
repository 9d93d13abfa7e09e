import type { Role } from '@shared/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Stamper } from './clock';

/** Who acts, on which terminal: the part of a request every write stamps into records, outbox and audit. */
export interface Actor {
  userId: string | null;
  username: string | null;
  role: Role | null;
  orgUnitId: string | null;
}

export interface TerminalIdentity {
  terminalId: string;
  orgUnitId: string;
}

export interface ServiceContext {
  db: Kysely<Database>;
  stamper: Stamper;
  /** Null until the first-run wizard has run. */
  terminal: TerminalIdentity | null;
  actor: Actor;
  /** The session token of the caller, when there is one. */
  session: string | null;
}

export const ANONYMOUS: Actor = { userId: null, username: null, role: null, orgUnitId: null };
