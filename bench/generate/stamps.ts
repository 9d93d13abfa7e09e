import { formatHlc } from '@shared/sync/hlc';
import { uuidv7 } from '@shared/sync/uuid';
import type { Random } from './random';

/**
 * The sync columns of generated rows, stamped at the time each record was written in the story the
 * generator tells: UUIDv7 ids from that instant (so the B-trees fill in time order, as in the app),
 * hybrid-logical-clock versions from the terminal that wrote it. Ids come from the seeded source.
 */
export class Stamps {
  private lastWall = 0;
  private counter = 0;

  constructor(private readonly random: Random) {}

  id(ms: number): string {
    return uuidv7(ms, (n) => this.random.bytes(n));
  }

  /** Versions only grow within one terminal; a few generated at the same millisecond count up. */
  version(ms: number, terminalId: string): string {
    if (ms === this.lastWall) this.counter += 1;
    else {
      this.lastWall = ms;
      this.counter = 0;
    }
    return formatHlc({ wall: ms, counter: this.counter & 0xffff, node: terminalId });
  }
}

interface SyncRow {
  id: string;
  org_unit_id: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  origin_terminal_id: string;
  version: string;
  deleted_at: null;
}

/** A record created at `createdMs` and last changed at `updatedMs`. */
export function syncRow(
  stamps: Stamps,
  orgUnitId: string,
  terminalId: string,
  createdMs: number,
  createdBy: string | null,
  updatedMs = createdMs,
  updatedBy = createdBy,
): SyncRow {
  return {
    id: stamps.id(createdMs),
    org_unit_id: orgUnitId,
    created_at: new Date(createdMs).toISOString(),
    created_by: createdBy,
    updated_at: new Date(updatedMs).toISOString(),
    updated_by: updatedBy,
    origin_terminal_id: terminalId,
    version: stamps.version(updatedMs, terminalId),
    deleted_at: null,
  };
}
