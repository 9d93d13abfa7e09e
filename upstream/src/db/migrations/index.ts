import type { Kysely } from 'kysely';
import * as hubFoundation from './2026_12_06_1800_hub_foundation';
import * as referenceEditions from './2026_12_06_2100_reference_editions';
import * as accounts from './2026_12_06_2200_accounts';
import * as appReleases from './2026_12_06_2300_app_releases';
import * as recordSync from './2026_12_07_0000_record_sync';
import * as pushBookkeeping from './2026_12_07_0100_push_bookkeeping';
import * as syncBlobs from './2026_12_07_0240_sync_blobs';
import * as residentAliases from './2026_12_08_0020_resident_aliases';
import * as syncConflictsByField from './2026_12_08_0100_sync_conflicts_by_field';
import * as syncFeedBuckets from './2026_12_07_0200_sync_feed_buckets';
import * as unitsAboveRead from './2026_12_08_0040_units_above_read';
import * as recordChangeSeq from './2026_12_08_0080_record_change_seq';
import * as syncFeedWithoutBuckets from './2026_12_09_0020_sync_feed_without_buckets';
import * as recordsNamingResident from './2026_12_09_0140_records_naming_resident';
import * as visibilityWithoutUnitIndex from './2026_12_09_0210_visibility_without_unit_index';
import * as visibilityByUnit from './2026_12_10_0040_visibility_by_unit';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/** Listed statically, in order. Append only; never reorder or edit a released one. */
export const migrations: readonly Migration[] = [
  { name: '2026_12_06_1800_hub_foundation', up: hubFoundation.up },
  { name: '2026_12_06_2100_reference_editions', up: referenceEditions.up },
  { name: '2026_12_06_2200_accounts', up: accounts.up },
  { name: '2026_12_06_2300_app_releases', up: appReleases.up },
  { name: '2026_12_07_0000_record_sync', up: recordSync.up },
  { name: '2026_12_07_0100_push_bookkeeping', up: pushBookkeeping.up },
  { name: '2026_12_07_0200_sync_feed_buckets', up: syncFeedBuckets.up },
  { name: '2026_12_07_0240_sync_blobs', up: syncBlobs.up },
  { name: '2026_12_08_0020_resident_aliases', up: residentAliases.up },
  { name: '2026_12_08_0040_units_above_read', up: unitsAboveRead.up },
  { name: '2026_12_08_0080_record_change_seq', up: recordChangeSeq.up },
  { name: '2026_12_08_0100_sync_conflicts_by_field', up: syncConflictsByField.up },
  { name: '2026_12_09_0020_sync_feed_without_buckets', up: syncFeedWithoutBuckets.up },
  { name: '2026_12_09_0140_records_naming_resident', up: recordsNamingResident.up },
  {
    name: '2026_12_09_0210_visibility_without_unit_index',
    up: visibilityWithoutUnitIndex.up,
  },
  { name: '2026_12_10_0040_visibility_by_unit', up: visibilityByUnit.up },
];
