import { describe, expect, it } from 'vitest';
import {
  alternatePath,
  href,
  LANGS,
  langOfPath,
  loggablePath,
  matchPage,
  PAGE_IDS,
  PAGES,
  type PageKey,
  pageHref,
} from './paths.ts';

describe('paths', () => {
  it('gives every page a Danish path and an English path under /en', () => {
    for (const [page, paths] of Object.entries(PAGES)) {
      expect(langOfPath(paths.da), page).toBe('da');
      expect(langOfPath(paths.en), page).toBe('en');
    }
  });

  it('has no two pages on the same path', () => {
    const all = Object.values(PAGES).flatMap((p) => LANGS.map((l) => p[l]));
    expect(new Set(all).size).toBe(all.length);
  });

  it('builds links with parameters and queries, escaping both', () => {
    expect(href('login', 'da', { next: '/konto', empty: '' })).toBe('/log-ind?next=%2Fkonto');
    expect(pageHref('cluster', 'en', { slug: 'odense robotics' })).toBe('/en/clusters/odense%20robotics');
    expect(() => pageHref('cluster', 'da', {})).toThrow(/slug/);
  });

  it('maps a page to the same page in the other language', () => {
    expect(alternatePath('/klynger/clean', '?x=1', 'en')).toBe('/en/clusters/clean?x=1');
    expect(alternatePath('/en/clusters/clean/edit', '', 'da')).toBe('/klynger/clean/rediger');
    expect(alternatePath('/nyheder/ny', '', 'en')).toBe('/en/news/new');
    expect(alternatePath('/en/log-in', '', 'da')).toBe('/log-ind');
    expect(alternatePath('/ukendt/side', '', 'en')).toBe('/en');
  });

  it('declares the kind of every id parameter, and only of parameters a page has', () => {
    for (const [page, paths] of Object.entries(PAGES) as [PageKey, { da: string }][]) {
      const names = [...paths.da.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
      for (const name of names.filter((n) => n === 'id' || n.endsWith('Id')))
        expect(PAGE_IDS[page]?.[name], `${page} :${name}`).toBeDefined();
      for (const name of Object.keys(PAGE_IDS[page] ?? {})) expect(names, page).toContain(name);
    }
  });

  it('matches a path to its page, static paths before parameters', () => {
    expect(matchPage('/finansiering/planer/ny')).toEqual({ page: 'fundingPlanNew', params: {} });
    expect(matchPage('/en/funding/plans/abc')).toEqual({ page: 'fundingPlan', params: { id: 'abc' } });
    expect(matchPage('/arbejdsrum/aktiviteter/7/deltagere/9')).toEqual({
      page: 'activityParticipant',
      params: { id: '7', participantId: '9' },
    });
    expect(matchPage('/ukendt/side')).toBeNull();
  });

  it('finds a survey page with its parameters, static paths first', () => {
    expect(matchPage('/support/undersoegelser/ny')).toEqual({ page: 'surveyNew', params: {} });
    expect(matchPage('/en/surveys/abc/page/2')).toEqual({
      page: 'surveyAnswerPage',
      params: { token: 'abc', page: '2' },
    });
    expect(matchPage('/ukendt/side')).toBeNull();
  });

  it('keeps no survey link token in a logged path', () => {
    const token = 'q3Zt0rV4k9wYbX2mLp8sN1cD6fH7jK5aE0uI9oR3tY1';
    expect(loggablePath(`/undersoegelser/${token}/side/2`)).toBe('/undersoegelser/…/side/2');
    expect(loggablePath(`/en/surveys/${token}/unsubscribe`)).toBe('/en/surveys/…/unsubscribe');
    expect(loggablePath('/klynger/clean')).toBe('/klynger/clean');
  });
});
