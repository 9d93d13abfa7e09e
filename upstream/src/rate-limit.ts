export interface RateLimit {
  /** Requests allowed per window and key. */
  max: number;
  windowMs: number;
}

/**
 * Fixed-window counters per key (a token, or an address for requests without one), kept in this
 * process's memory: enough for one county's hub process. Several processes behind one balancer
 * would each count on their own; a province doing that puts the limit in the reverse proxy.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Null when the request may go ahead; otherwise the seconds until it may be retried. */
  take(key: string, now: number): number | null {
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.limit.windowMs) {
      if (this.windows.size > 100_000) this.forgetExpired(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return null;
    }
    window.count += 1;
    if (window.count <= this.limit.max) return null;
    return Math.max(1, Math.ceil((window.startedAt + this.limit.windowMs - now) / 1000));
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.limit.windowMs) this.windows.delete(key);
    }
  }
}
