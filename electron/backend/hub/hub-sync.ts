import type { HubSyncResult } from '@shared/api';
import type { PushSchedule } from './push-schedule';

/** The background sync of an enrolled terminal: one cycle at a time, every minute. */
export interface HubSync {
  /** A cycle now, or the one already running (joined, not doubled). */
  run(): Promise<HubSyncResult>;
  /**
   * When the terminal is enrolled and not revoked: the minute timer (kept if running) and a cycle at
   * once, which the answer waits for. Never fails: a cycle that could not reach the hub is retried.
   */
  resume(): Promise<void>;
  /** Stops the timer and waits for a running cycle (shutdown, restore). */
  stop(): Promise<void>;
  /** Whether the minute timer runs: not before enrolment, after a revocation or once closed. */
  scheduled(): boolean;
  /** The background push of the change log (issue 15): soon after a write, retried after a failure. */
  push: PushSchedule;
}
