import { describe, expect, it } from 'vitest';
import { eventFilter, eventForm, postForm } from './schemas.ts';

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
