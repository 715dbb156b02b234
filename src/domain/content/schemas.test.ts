import { describe, expect, it } from 'vitest';
import { callForm, eventFilter, eventForm, postForm } from './schemas.ts';

const ORG = '6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f';
const post = { organisationId: ORG, lang: 'da', title: 'Titel', summary: '', body: '' };
const event = {
  ...post,
  startDate: '2027-03-27',
  startTime: '10:00',
  endDate: '2027-03-29',
  endTime: '10:00',
  location: '',
  municipalityCode: '',
  onlineUrl: '',
};
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);

describe('publishing form schemas', () => {
  it('saves as a draft unless publishing is asked for', () => {
    expect(postForm.parse(post).intent).toBe('draft');
    expect(postForm.parse({ ...post, intent: 'publish' }).intent).toBe('publish');
    expect(postForm.parse({ ...post, intent: 'nonsense' }).intent).toBe('draft');
  });

  it('names the fields that are wrong, with message keys', () => {
    expect(issues(postForm.safeParse({ ...post, organisationId: '', title: ' ', lang: 'de' }))).toEqual([
      'organisationId:required',
      'lang:required',
      'title:required',
    ]);
    expect(
      issues(eventForm.safeParse({ ...event, startTime: '25:00', onlineUrl: 'javascript:alert(1)' })),
    ).toEqual(['startTime:invalidTime', 'onlineUrl:invalidUrl']);
  });

  it('turns Danish times into instants on both sides of a daylight-saving change', () => {
    const parsed = eventForm.parse(event);
    expect(parsed.startsAt.toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(parsed.endsAt.toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(parsed.municipalityCode).toBeNull();
    expect(issues(eventForm.safeParse({ ...event, endDate: '2027-03-26' }))).toEqual([
      'endDate:endBeforeStart',
    ]);
  });

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

  it('ignores malformed list filters instead of failing', () => {
    expect(eventFilter.parse({ region: '9999', month: '2026-13', page: '-1', when: 'later' })).toEqual({
      organisation: undefined,
      region: undefined,
      month: undefined,
      page: 1,
      when: 'upcoming',
    });
  });
});
