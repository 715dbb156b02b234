import type { Hono } from 'hono';
import { THEMES, themeLabel } from '../../../domain/catalogue/themes.ts';
import { REGIONS } from '../../../domain/reference/geography.ts';
import { VersionedCache } from '../../../domain/search/cache.ts';
import type { SearchHit, SearchResult } from '../../../domain/search/queries.ts';
import {
  LABEL_LEVELS,
  LEAGUES,
  MAX_PAGE,
  SEARCH_KINDS,
  type SearchKind,
  type SearchPageQuery,
  searchPageQuery,
} from '../../../domain/search/schemas.ts';
import type { Segment } from '../../../domain/search/text.ts';
import { apiDocsPage } from '../../api/docs.tsx';
import { hitPath, hitText, runSearch } from '../../api/search.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { Pager } from '../../views/pager.tsx';
import { onPage } from '../routes.ts';
import { searchMessages } from './messages.ts';

type Texts = ReturnType<typeof searchMessages>['search'];

const renderedPages = new VersionedCache<Uint8Array<ArrayBuffer>>(200);

// Built once: constructing an Intl formatter costs more than the rest of a result row, and a
// page shows twenty rows. Times are shown in Danish time, whatever the server's time zone.
const ZONE = 'Europe/Copenhagen';
const LOCALES = { da: 'da-DK', en: 'en-GB' } as const;
const dayFormat = {
  da: new Intl.DateTimeFormat(LOCALES.da, { dateStyle: 'long', timeZone: ZONE }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'long', timeZone: ZONE }),
};
const momentFormat = {
  da: new Intl.DateTimeFormat(LOCALES.da, { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }),
  en: new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE }),
};
const yearFormat = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: ZONE });
const numberFormat = { da: new Intl.NumberFormat(LOCALES.da), en: new Intl.NumberFormat(LOCALES.en) };
const formatNumber = (n: number, lang: Lang) => numberFormat[lang].format(n);

/**
 * The page's query string. Filter names are those of the catalogue (/klynger?tema=…), the same
 * in both languages, so the language switch keeps the search.
 */
function pageLink(lang: Lang, f: SearchPageQuery, change: Partial<SearchPageQuery> = {}): string {
  const v = { ...f, page: 1, ...change };
  return href('search', lang, {
    q: v.q,
    type: v.type,
    tema: v.theme,
    region: v.region?.toString(),
    liga: v.league,
    maerke: v.label,
    side: v.page > 1 ? String(v.page) : undefined,
  });
}

function apiLink(lang: Lang, f: SearchPageQuery): string {
  const params = new URLSearchParams();
  const values = { q: f.q, type: f.type, theme: f.theme, region: f.region, league: f.league, label: f.label };
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  if (f.page > 1) params.set('page', String(f.page));
  params.set('lang', lang);
  return `/api/v1/search?${params}`;
}

function Marked({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</>;
}

interface Option {
  value: string;
  label: string;
}
const option = (value: string, label: string): Option => ({ value, label });

/** The filters as select boxes; their names are the page's query parameters. */
function filterFields(lang: Lang, f: SearchPageQuery, t: Texts) {
  const regions = REGIONS.map((r) => option(String(r.code), lang === 'da' ? r.name : r.nameEn));
  return [
    {
      name: 'type',
      label: t.type,
      all: t.allTypes,
      value: f.type,
      options: SEARCH_KINDS.map((k) => option(k, t.kindsPlural[k])),
    },
    {
      name: 'tema',
      label: t.theme,
      all: t.all,
      value: f.theme,
      options: THEMES.map((th) => option(th.key, th[lang])),
    },
    { name: 'region', label: t.region, all: t.all, value: f.region?.toString(), options: regions },
    {
      name: 'liga',
      label: t.league,
      all: t.all,
      value: f.league,
      options: LEAGUES.map((l) => option(l, t.leagues[l])),
    },
    {
      name: 'maerke',
      label: t.label,
      all: t.all,
      value: f.label,
      options: [...LABEL_LEVELS].reverse().map((l) => option(l, t.labels[l])),
    },
  ];
}

function SearchForm({ lang, f, t }: { lang: Lang; f: SearchPageQuery; t: Texts }) {
  const unfiltered = {
    ...f,
    type: undefined,
    theme: undefined,
    region: undefined,
    league: undefined,
    label: undefined,
  };
  return (
    <search aria-label={t.formLabel}>
      <form method="get" action={href('search', lang)}>
        <div class="form-group">
          <label class="form-label" for="q">
            {t.query}
          </label>
          <span class="form-hint" id="q-hint">
            {t.queryHint}
          </span>
          <div class="search">
            <input class="form-input" id="q" name="q" type="search" value={f.q} aria-describedby="q-hint" />
            <button type="submit" class="button button-search">
              {t.submit}
            </button>
          </div>
        </div>
        <fieldset class="mt-5">
          <legend class="h5">{t.filters}</legend>
          <p class="form-hint">{t.filtersHint}</p>
          <div class="filter-form">
            {filterFields(lang, f, t).map((field) => (
              <SelectField
                name={field.name}
                label={field.label}
                placeholder={field.all}
                value={field.value}
                options={field.options}
              />
            ))}
          </div>
          <div class="d-flex flex-wrap align-items-end mt-4">
            <button type="submit" class="button button-secondary mr-5">
              {t.apply}
            </button>
            <a href={pageLink(lang, unfiltered)}>{t.reset}</a>
          </div>
        </fieldset>
      </form>
    </search>
  );
}

function KindNav({ lang, f, r, t }: { lang: Lang; f: SearchPageQuery; r: SearchResult; t: Texts }) {
  const all = SEARCH_KINDS.reduce((n, k) => n + r.counts[k], 0);
  const item = (kind: SearchKind | undefined, label: string, n: number) => (
    <li>
      <a
        class="tab-button"
        href={pageLink(lang, f, { type: kind })}
        aria-current={f.type === kind ? 'true' : undefined}
      >
        <span>
          {label} ({formatNumber(n, lang)})
        </span>
      </a>
    </li>
  );
  return (
    <nav aria-label={t.kindNav} class="tab-container mt-5">
      <ul class="tab-list">
        {item(undefined, t.allKinds, all)}
        {SEARCH_KINDS.filter((k) => r.counts[k] > 0 || f.type === k).map((k) =>
          item(k, t.kindsPlural[k], r.counts[k]),
        )}
      </ul>
    </nav>
  );
}

function hitMeta(hit: SearchHit, lang: Lang, t: Texts): string {
  const at = hit.occursAt ? new Date(hit.occursAt) : null;
  const day = at ? dayFormat[lang].format(at) : '';
  switch (hit.kind) {
    case 'cluster':
      return [hit.league ? t.leagues[hit.league] : '', hit.seat ?? ''].filter(Boolean).join(' · ');
    case 'activity':
      return t.activityMeta(at ? yearFormat.format(at) : '', hit.organisation.name);
    case 'event':
      return [day && t.eventMeta(day), t.by(hit.organisation.name)].filter(Boolean).join(' · ');
    case 'call':
      return [at && t.callMeta(momentFormat[lang].format(at)), t.by(hit.organisation.name)]
        .filter(Boolean)
        .join(' · ');
    case 'service':
      return t.serviceMeta;
    case 'knowledge':
      return t.knowledgeMeta;
    case 'practice':
      return t.practiceMeta(hit.organisation.name);
    default:
      return [day && t.postMeta(day), t.by(hit.organisation.name)].filter(Boolean).join(' · ');
  }
}

function Hits({ lang, r, t }: { lang: Lang; r: SearchResult; t: Texts }) {
  const marks = new Set(r.marks);
  return (
    <ol class="nobullet-list search-results">
      {r.hits.map((hit) => {
        const text = hitText(hit, marks);
        return (
          <li class="search-result mt-6">
            <p class="mb-0">
              <span class="badge">{t.kinds[hit.kind]}</span>
            </p>
            <h3 class="h4 mt-2 mb-2">
              <a href={hitPath(hit, lang)}>
                <Marked segments={text.title} />
              </a>
            </h3>
            {text.summary.length > 0 && (
              <p class="mt-0 mb-1">
                <Marked segments={text.summary} />
              </p>
            )}
            <p class="form-hint mt-0">{hitMeta(hit, lang, t)}</p>
          </li>
        );
      })}
    </ol>
  );
}

function Pagination({ lang, f, r, t }: { lang: Lang; f: SearchPageQuery; r: SearchResult; t: Texts }) {
  const pages = Math.min(MAX_PAGE, Math.ceil(r.total / r.pageSize));
  return (
    <Pager
      page={f.page}
      pages={pages}
      link={(page) => pageLink(lang, f, { page })}
      status={t.page(f.page, pages)}
      previous={t.previous}
      next={t.next}
    />
  );
}

function Results({ lang, f, r, t }: { lang: Lang; f: SearchPageQuery; r: SearchResult; t: Texts }) {
  return (
    <section aria-labelledby="results-heading" class="mt-7">
      <h2 id="results-heading">{t.resultsHeading}</h2>
      <p role="status">{r.total > 0 ? t.count(formatNumber(r.total, lang), f.q) : t.noResults(f.q)}</p>
      {r.total === 0 && <p>{t.noResultsHelp}</p>}
      {r.themes.length > 0 && (
        <div class="mt-5">
          <h3 class="h5">{t.themesHeading}</h3>
          <ul class="nobullet-list">
            {r.themes.map((key) => (
              <li>
                <a href={href('clusters', lang, { tema: key })}>{t.themeLink(themeLabel(key, lang))}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {SEARCH_KINDS.some((k) => r.counts[k] > 0) && <KindNav lang={lang} f={f} r={r} t={t} />}
      <Hits lang={lang} r={r} t={t} />
      <Pagination lang={lang} f={f} r={r} t={t} />
      <p class="mt-6">
        <a href={apiLink(lang, f)}>{t.asJson}</a> · <a href={href('apiDocs', lang)}>{t.apiDocs}</a>
      </p>
    </section>
  );
}

/** The search page, rendered from the request's query string. */
async function searchPage(c: AppContext): Promise<Response> {
  const lang = c.get('lang');
  const t = searchMessages(lang).search;
  const raw = c.req.query();
  const f = searchPageQuery.parse({
    q: raw.q,
    type: raw.type,
    theme: raw.tema,
    region: raw.region,
    league: raw.liga,
    label: raw.maerke,
    page: raw.side,
  });
  const result = f.q ? await runSearch(c, f, lang) : null;
  return renderPage(c, f.q ? t.titleWithQuery(f.q) : t.title, () => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <SearchForm lang={lang} f={f} t={t} />
      {result ? <Results lang={lang} f={f} r={result} t={t} /> : <p class="mt-7">{t.empty}</p>}
    </>
  ));
}

const utf8 = new TextEncoder();

export function registerSearchPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'search', async (c) => {
    if (c.get('user') || !c.req.query('q')) return searchPage(c);
    // Every anonymous visitor gets the same page for the same address, so it is kept ready (as
    // bytes, keyed by the address as sent), the way a shared cache in front would keep it.
    // Signed-in visitors see their own header and are rendered anew.
    const { db, clock } = c.get('deps');
    const page = await renderedPages.get(db, c.req.url, clock(), async () =>
      utf8.encode(await (await searchPage(c)).text()),
    );
    return c.body(page, 200, { 'Content-Type': 'text/html; charset=UTF-8' });
  });

  onPage(app, 'GET', 'apiDocs', apiDocsPage);
}
