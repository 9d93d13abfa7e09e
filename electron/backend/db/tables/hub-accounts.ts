/** Where each staff account stands with the county hub (hub/accounts-sync.ts). Terminal-local. */
export interface HubAccountsTable {
  user_id: string;
  hub_version: number;
  /** JSON array of AccountField; null when the hub has everything. */
  pending: string | null;
  problem: string | null;
}
