// Guards for the anonymous inbox: a fixed-window rate limit per client address and per claimed
// sender, and sampling for the log lines of rejections nobody authenticated (they are counted in
// metrics instead of being audited one by one, so junk cannot flood the audit trail or the log).

/** Counts per key in fixed windows; the whole map is dropped when a window ends, so it stays small. */
export class WindowLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; null when allowed, else the seconds until the window ends (for Retry-After). */
  hit(key: string, nowMs: number): number | null {
    if (this.max <= 0) return null;
    if (nowMs - this.windowStart >= this.windowMs) {
      this.windowStart = nowMs;
      this.counts.clear();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n <= this.max) return null;
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - nowMs) / 1000));
  }
}

/** Logs the first few of each kind per minute, then one in a hundred. */
export class LogSampler {
  private minute = -1;
  private seen = new Map<string, number>();
  shouldLog(kind: string, nowMs: number): { log: boolean; seen: number } {
    const minute = Math.floor(nowMs / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.seen.clear();
    }
    const n = (this.seen.get(kind) ?? 0) + 1;
    this.seen.set(kind, n);
    return { log: n <= 10 || n % 100 === 0, seen: n };
  }
}
