import type { Role } from '@shared/api';

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

export const ANONYMOUS: Actor = { userId: null, username: null, role: null, orgUnitId: null };
