/** Where each attachment file stands with the county hub (attachments/hub-files.ts). Terminal-local. */
export interface AttachmentFilesTable {
  sha256: string;
  /** When the hub was known to hold the file whole; null: not yet. */
  on_hub_at: string | null;
  /** Set while the file is to be fetched ahead of time (a hand-off to this unit). */
  fetch_queued_at: string | null;
  last_error: string | null;
}
