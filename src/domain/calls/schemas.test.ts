import { describe, expect, it } from 'vitest';
import { callForm } from './schemas.ts';

const ORG = '6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f';
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);

describe('the call form', () => {
  it('reads a call deadline as Danish time and wants it after the opening', () => {
    const call = { organisationId: ORG, title: 'Opslag', summary: '', body: '', status: 'open' };
    const parsed = callForm.parse({ ...call, deadlineDate: '2027-03-01', deadlineTime: '12:00' });
    expect(parsed.deadline.toISOString()).toBe('2027-03-01T11:00:00.000Z');
    expect(parsed.opensAt).toBeNull();
    const late = callForm.safeParse({
      ...call,
      deadlineDate: '2027-03-01',
      deadlineTime: '12:00',
      opensDate: '2027-03-01',
    });
    expect(late.success).toBe(true);
    const after = callForm.safeParse({
      ...call,
      deadlineDate: '2027-03-01',
      deadlineTime: '12:00',
      opensDate: '2027-03-02',
    });
    expect(issues(after)).toEqual(['opensDate:opensAfterDeadline']);
    expect(issues(callForm.safeParse({ ...call, status: 'x', deadlineDate: '', deadlineTime: '' }))).toEqual([
      'status:required',
      'deadlineDate:required',
      'deadlineTime:required',
    ]);
  });

  it('takes the later phases as days, each after the one before it', () => {
    const call = {
      organisationId: ORG,
      title: 'Opslag',
      status: 'draft',
      deadlineDate: '2027-03-01',
      deadlineTime: '12:00',
    };
    const inOrder = callForm.parse({
      ...call,
      assessmentDeadline: '2027-05-03',
      decisionDate: '2027-09-01',
      grantsStartOn: '2028-01-01',
    });
    expect([inOrder.assessmentDeadline, inOrder.decisionDate, inOrder.grantsStartOn]).toEqual([
      '2027-05-03',
      '2027-09-01',
      '2028-01-01',
    ]);
    expect(callForm.parse({ ...call, assessmentDeadline: '' }).assessmentDeadline).toBeNull();
    // The assessment on the application deadline's own day, a decision before it.
    const wrong = callForm.safeParse({
      ...call,
      assessmentDeadline: '2027-03-01',
      decisionDate: '2027-02-28',
    });
    expect(issues(wrong)).toEqual([
      'assessmentDeadline:assessmentDeadlineOutOfOrder',
      'decisionDate:decisionDateOutOfOrder',
    ]);
    expect(issues(callForm.safeParse({ ...call, grantsStartOn: '2028-02-30' }))).toEqual([
      'grantsStartOn:invalidDate',
    ]);
    // A skipped phase: the decision is compared with the application deadline.
    expect(
      issues(callForm.safeParse({ ...call, decisionDate: '2027-08-01', grantsStartOn: '2027-07-01' })),
    ).toEqual(['grantsStartOn:grantsStartOnOutOfOrder']);
  });
});
