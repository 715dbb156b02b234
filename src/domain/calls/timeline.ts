import { copenhagenDate } from '../reference/time.ts';

/**
 * A call's timeline: the application deadline (a moment), then the days of the later phases the
 * owner has set (seed 003: assessment in May, decision in September, grants from January). The
 * public page and the owner's processing page show it; the reminders read the same dates.
 */
export const CALL_PHASES = ['application', 'assessment', 'decision', 'grantsStart'] as const;
export type CallTimelinePhase = (typeof CALL_PHASES)[number];

export interface CallTimelineStep {
  phase: CallTimelinePhase;
  /** The day, YYYY-MM-DD in Danish time. */
  day: string;
  /** The application deadline's moment; the later phases are whole days. */
  at: Date | null;
  /** Passed, the next one still ahead, or later. */
  state: 'passed' | 'next' | 'later';
}

export interface CallDates {
  deadline: Date;
  assessmentDeadline: string | null;
  decisionDate: string | null;
  grantsStartOn: string | null;
}

/** The phases with a date, in order, each marked passed, next or later as of `now`. */
export function callTimeline(call: CallDates, now: Date): CallTimelineStep[] {
  const today = copenhagenDate(now);
  const dated: { phase: CallTimelinePhase; day: string | null; at: Date | null }[] = [
    { phase: 'application', day: copenhagenDate(call.deadline), at: call.deadline },
    { phase: 'assessment', day: call.assessmentDeadline, at: null },
    { phase: 'decision', day: call.decisionDate, at: null },
    { phase: 'grantsStart', day: call.grantsStartOn, at: null },
  ];
  let nextFound = false;
  return dated.flatMap(({ phase, day, at }) => {
    if (!day) return [];
    // A day-phase passes when its day is over; the deadline when its moment has come.
    const passed = at ? at <= now : day < today;
    const state = passed ? 'passed' : nextFound ? 'later' : 'next';
    if (!passed) nextFound = true;
    return [{ phase, day, at, state }];
  });
}
