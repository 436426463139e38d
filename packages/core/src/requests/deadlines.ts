// Deadlines and service levels: when a request is overdue (not acknowledged or not executed within
// the service level agreed with the counterpart, or past its own deadline) and which reminders are
// due. Pure: the deadline job feeds it each open request and writes what it returns.
import { OPEN_AFTER_TRANSMISSION, type RequestState, type Side } from './request.ts';

export interface ServiceLevel {
  /** The counterpart should acknowledge receipt within this many days of transmission. */
  acknowledgeDays: number | null;
  /** … and execute within this many days of transmission. */
  executeDays: number | null;
  /** Remind this many days before the request's deadline. */
  reminderDays: number | null;
}

export const DEFAULT_SERVICE_LEVEL: ServiceLevel = { acknowledgeDays: null, executeDays: null, reminderDays: 3 };

export const OVERDUE_REASONS = ['acknowledgement', 'execution', 'deadline'] as const;
export type OverdueReason = (typeof OVERDUE_REASONS)[number];

export const REMINDER_KINDS = ['acknowledgement-overdue', 'execution-overdue', 'deadline-approaching', 'deadline-passed'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface DeadlineFacts {
  side: Side;
  state: RequestState;
  transmittedAt: Date | null;
  /** YYYY-MM-DD */
  deadline: string | null;
  /** Reminders already raised for this request. */
  reminded: readonly ReminderKind[];
}

export interface DeadlineAssessment {
  overdue: OverdueReason[];
  /** Reminders to raise now (not raised before). */
  due: ReminderKind[];
}

const DAY_MS = 86_400_000;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

export function assessDeadlines(facts: DeadlineFacts, level: ServiceLevel, now: Date): DeadlineAssessment {
  const overdue: OverdueReason[] = [];
  const raise: ReminderKind[] = [];
  if (!OPEN_AFTER_TRANSMISSION.includes(facts.state)) return { overdue, due: [] };
  const today = isoDay(now);
  const sent = facts.transmittedAt;
  // Service levels are what the requesting organisation expects of its counterpart.
  if (facts.side === 'requesting' && sent) {
    if (level.acknowledgeDays !== null && facts.state === 'transmitted' && now.getTime() >= sent.getTime() + level.acknowledgeDays * DAY_MS) {
      overdue.push('acknowledgement');
      raise.push('acknowledgement-overdue');
    }
    if (level.executeDays !== null && now.getTime() >= sent.getTime() + level.executeDays * DAY_MS) {
      overdue.push('execution');
      raise.push('execution-overdue');
    }
  }
  // The request's own deadline binds both sides: the day itself still counts as in time.
  if (facts.deadline) {
    if (today > facts.deadline) {
      overdue.push('deadline');
      raise.push('deadline-passed');
    } else if (level.reminderDays !== null && today >= addDays(facts.deadline, -level.reminderDays)) {
      raise.push('deadline-approaching');
    }
  }
  return { overdue, due: raise.filter((k) => !facts.reminded.includes(k)) };
}
