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
});
