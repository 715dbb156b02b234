import { describe, expect, it } from 'vitest';
import { callTimeline } from './timeline.ts';

// 1 March 2027 12:00 Danish time (winter time, UTC+1).
const call = {
  deadline: new Date('2027-03-01T11:00:00Z'),
  assessmentDeadline: '2027-05-03',
  decisionDate: '2027-09-01',
  grantsStartOn: '2028-01-01',
};

describe('the call timeline', () => {
  it('lists the phases in order and marks the next one ahead', () => {
    const steps = callTimeline(call, new Date('2027-04-10T08:00:00Z'));
    expect(steps.map((s) => [s.phase, s.day, s.state])).toEqual([
      ['application', '2027-03-01', 'passed'],
      ['assessment', '2027-05-03', 'next'],
      ['decision', '2027-09-01', 'later'],
      ['grantsStart', '2028-01-01', 'later'],
    ]);
  });

  it('keeps a phase next through its whole day and leaves out phases without a date', () => {
    const steps = callTimeline(
      { ...call, decisionDate: null },
      // 3 May 2027 23:30 Danish time (summer time, UTC+2): still the assessment's day.
      new Date('2027-05-03T21:30:00Z'),
    );
    expect(steps.map((s) => [s.phase, s.state])).toEqual([
      ['application', 'passed'],
      ['assessment', 'next'],
      ['grantsStart', 'later'],
    ]);
  });

  it('passes the application deadline at its moment, not at the end of its day', () => {
    const before = callTimeline(call, new Date('2027-03-01T10:59:00Z'));
    const after = callTimeline(call, new Date('2027-03-01T11:00:00Z'));
    expect(before[0]?.state).toBe('next');
    expect(after[0]?.state).toBe('passed');
    expect(after[1]?.state).toBe('next');
  });
});
