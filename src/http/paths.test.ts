import { describe, expect, it } from 'vitest';
import { alternatePath, href, LANGS, langOfPath, loggablePath, PAGES, pageHref, pageOf } from './paths.ts';

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

  it('finds the page of a path with its parameters, static paths first', () => {
    expect(pageOf('/support/undersoegelser/ny')).toEqual({ page: 'surveyNew', params: {} });
    expect(pageOf('/en/surveys/abc/page/2')).toEqual({
      page: 'surveyAnswerPage',
      params: { token: 'abc', page: '2' },
    });
    expect(pageOf('/ukendt/side')).toBeNull();
  });

  it('keeps no survey link token in a logged path', () => {
    const token = 'q3Zt0rV4k9wYbX2mLp8sN1cD6fH7jK5aE0uI9oR3tY1';
    expect(loggablePath(`/undersoegelser/${token}/side/2`)).toBe('/undersoegelser/…/side/2');
    expect(loggablePath(`/en/surveys/${token}/unsubscribe`)).toBe('/en/surveys/…/unsubscribe');
    expect(loggablePath('/klynger/clean')).toBe('/klynger/clean');
  });
});
