import type { Kysely } from 'kysely';
import * as foundation from './2026_11_27_0900_foundation';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Listed statically: bundlers break file-system discovery. Append only; never reorder or edit. */
export const migrations: readonly Migration[] = [
  { name: '2026_11_27_0900_foundation', up: foundation.up },
];
