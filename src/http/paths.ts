/**
 * Every page of the site with its Danish (canonical) and English path, so that links, the
 * language switch and route registration come from one table (../shared/docs/sitemap.md).
 */
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const PAGES = {
  home: { da: '/', en: '/en' },
  login: { da: '/log-ind', en: '/en/log-in' },
  logout: { da: '/log-ud', en: '/en/log-out' },
  forgotPassword: { da: '/glemt-adgangskode', en: '/en/forgot-password' },
  resetPassword: { da: '/nulstil-adgangskode', en: '/en/reset-password' },
  account: { da: '/konto', en: '/en/account' },
  admin: { da: '/admin', en: '/en/admin' },
  adminUsers: { da: '/admin/brugere', en: '/en/admin/users' },
  adminAudit: { da: '/admin/revisionslog', en: '/en/admin/audit-log' },
  accessibility: { da: '/tilgaengelighed', en: '/en/accessibility' },
  privacy: { da: '/privatliv', en: '/en/privacy' },
  about: { da: '/om', en: '/en/about' },
} as const satisfies Record<string, Record<Lang, string>>;

export type PageKey = keyof typeof PAGES;

export function href(page: PageKey, lang: Lang, query?: Record<string, string | undefined>): string {
  const path = PAGES[page][lang];
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function langOfPath(path: string): Lang {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'da';
}

const byPath = new Map<string, { page: PageKey; lang: Lang }>();
for (const [page, paths] of Object.entries(PAGES) as [PageKey, Record<Lang, string>][]) {
  for (const lang of LANGS) byPath.set(paths[lang], { page, lang });
}

/** The same page in the other language, keeping the query; the other home page when unknown. */
export function alternatePath(path: string, search: string, target: Lang): string {
  const known = byPath.get(path);
  if (!known) return PAGES.home[target];
  return PAGES[known.page][target] + search;
}
