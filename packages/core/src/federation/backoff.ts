// When to try a delivery again: exponential back-off with jitter, capped per attempt, until the
// horizon after the message was written; then the message is given up as failed and a person is told.

export interface RetryPolicy {
  /** Delay before the second attempt, before jitter. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** How long after the message was written we keep trying. */
  horizonMs: number;
}

export type RetryPlan = { kind: 'retry'; at: Date; delayMs: number } | { kind: 'give-up'; reason: string };

/**
 * After `attempts` failed attempts: "equal jitter" — half the exponential step is fixed, half is
 * random — so that many senders retrying after one outage do not arrive in lockstep, and no wait
 * is ever shorter than half its step. `random` returns a number in [0, 1).
 */
export function planRetry(
  policy: RetryPolicy,
  input: { attempts: number; createdAt: Date; now: Date },
  random: () => number,
): RetryPlan {
  const deadline = input.createdAt.getTime() + policy.horizonMs;
  const now = input.now.getTime();
  if (now >= deadline) {
    return { kind: 'give-up', reason: `not delivered within ${formatDuration(policy.horizonMs)} after it was written` };
  }
  const exponent = Math.min(Math.max(input.attempts - 1, 0), 40);
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  let delayMs = Math.round(step / 2 + r * (step / 2));
  // One last attempt exactly at the horizon rather than giving up early.
  if (now + delayMs > deadline) delayMs = deadline - now;
  return { kind: 'retry', at: new Date(now + delayMs), delayMs };
}

export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}
