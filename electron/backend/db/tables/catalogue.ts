import type { Generated } from 'kysely';
import type { SyncColumns } from './sync';

// The service catalogue: an item and its numbered versions.

export interface ServiceItemsTable extends SyncColumns {
  code: string;
  current_version_id: string;
  active: number;
  /** Denormalised from the current version for list and search. */
  name: string;
  category: string;
  /** Pinyin initials of the name, lower case, e.g. 'cxjmjbylbxcbdj'. */
  initials: string;
  /** JSON array of the item's short names (低保, 社保卡), searched like its name; not versioned. */
  aliases: Generated<string>;
  /** Pinyin initials of each alias, joined by spaces: 'db dbsq'. */
  alias_initials: Generated<string>;
  /**
   * The division code of the unit that issues the item: the county (6 digits) for the county's
   * catalogue, else the unit that added it. With the code, the item's natural key and id.
   */
  issuer_code: Generated<string>;
}

export interface ServiceItemVersionsTable extends SyncColumns {
  item_id: string;
  number: number;
  name: string;
  category: string;
  department: string;
  type: 'instant' | 'promised';
  promised_days: number;
  statutory_days: number;
  fee_fen: number;
  agency_allowed: number;
  basis: string;
  /** JSON array of shared/domain/catalogue Material. */
  materials: string;
}
