import type { Hono } from 'hono';
import { listPublicCalls } from '../../../domain/calls/listing.ts';
import { nationalClusters, programmeFigures } from '../../../domain/catalogue/queries.ts';
import { listPublishedEvents, listPublishedPosts } from '../../../domain/content/queries.ts';
import { briefly } from '../../brief-cache.ts';
import type { AppEnv } from '../../context.ts';
import { pageContent } from '../../i18n/content/index.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/index.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';

/** The programme period the front page summarises. */
const FIGURES_FROM = 2021;
const FIGURES_TO = 2023;

/** The programme totals count distinct companies over three years: shared for a minute. */
const homeFigures = briefly(60_000, (deps) => programmeFigures(deps.db, FIGURES_FROM, FIGURES_TO));

export function registerPublicPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'home', async (c) => {
    const { db } = c.get('deps');
    const now = c.get('deps').clock();
    const [figures, national, news, upcoming, openCalls] = await Promise.all([
      homeFigures(c.get('deps')),
      nationalClusters(db, FIGURES_FROM),
      listPublishedPosts(db, 'news', { page: 1 }, now),
      listPublishedEvents(db, { page: 1, when: 'upcoming' }, now),
      listPublicCalls(db, { page: 1 }, now),
    ]);
    const m = c.get('m');
    return renderPage(c, m.home.title, ({ lang, user }) => {
      const n = (v: number) => formatNumber(v, lang);
      const items: [number, string][] = [
        [figures.clusters, m.home.figures.clusters],
        [figures.nationalClusters, m.home.figures.nationalClusters],
        [figures.activities, m.home.figures.activities(FIGURES_FROM, FIGURES_TO)],
        [figures.distinctCompanies, m.home.figures.companies(FIGURES_FROM, FIGURES_TO)],
        [figures.funders, m.home.figures.funders],
      ];
      return (
        <>
          <h1>{m.home.title}</h1>
          <p class="font-lead">{m.home.lead}</p>
          <form method="get" action={href('search', lang)} class="home-search">
            <label class="form-label" for="home-q">
              {m.home.searchLabel}
            </label>
            <div class="home-search-row">
              <input class="form-input" id="home-q" name="q" type="search" />
              <button type="submit" class="button button-primary">
                {m.nav.search}
              </button>
            </div>
          </form>
          <div class="row home-columns">
            <section class="col-12 col-md-4" aria-labelledby="home-news">
              <h2 id="home-news" class="h3">
                <a href={href('news', lang)}>{m.nav.news}</a>
              </h2>
              <ul class="nobullet-list">
                {news.items.slice(0, 3).map((n) => (
                  <li lang={n.lang}>
                    <a href={pageHref('newsItem', lang, { slug: n.slug })}>{n.title}</a>
                  </li>
                ))}
              </ul>
            </section>
            <section class="col-12 col-md-4" aria-labelledby="home-events">
              <h2 id="home-events" class="h3">
                <a href={href('events', lang)}>{m.nav.events}</a>
              </h2>
              <ul class="nobullet-list">
                {upcoming.items.slice(0, 3).map((e) => (
                  <li lang={e.lang}>
                    <a href={pageHref('event', lang, { slug: e.slug })}>{e.title}</a>
                    <span class="d-block form-hint">{formatDateTime(e.startsAt, lang)}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section class="col-12 col-md-4" aria-labelledby="home-calls">
              <h2 id="home-calls" class="h3">
                <a href={href('calls', lang)}>{m.nav.calls}</a>
              </h2>
              <ul class="nobullet-list">
                {openCalls.items
                  .filter((call) => call.open)
                  .slice(0, 3)
                  .map((call) => (
                    <li>
                      <a href={pageHref('call', lang, { slug: call.slug })}>{call.title}</a>
                      <span class="d-block form-hint">
                        {m.home.deadline(formatDateTime(call.deadline, lang))}
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          </div>
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading">{m.home.figuresHeading}</h2>
            <ul class="key-figures no-max-width">
              {items.map(([value, label]) => (
                <li>
                  <strong class="key-figure-value">{n(value)}</strong> <span>{label}</span>
                </li>
              ))}
            </ul>
            <p class="form-hint">{m.home.figuresNote}</p>
            <p>
              <a href={href('results', lang)}>{m.home.resultsLink}</a>
            </p>
          </section>
          <section aria-labelledby="national-heading">
            <h2 id="national-heading">{m.home.nationalHeading}</h2>
            {national.length === 0 ? (
              <p>{m.home.nationalNone}</p>
            ) : (
              <ul class="cluster-list no-max-width">
                {national.map((cl) => (
                  <li>
                    <strong>{cl.name}</strong>
                    {cl.seat && <span>, {cl.seat}</span>}
                    {cl.endedOn && <span> ({m.home.ended(formatDate(cl.endedOn, lang))})</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {!user && (
            <section aria-labelledby="staff-heading">
              <h2 id="staff-heading">{m.home.forStaffHeading}</h2>
              <p>{m.home.forStaffText}</p>
              <a class="button button-primary" href={href('login', lang)}>
                {m.nav.login}
              </a>
            </section>
          )}
        </>
      );
    });
  });

  const contentPages = {
    accessibility: 'accessibilityTitle',
    privacy: 'privacyTitle',
    about: 'aboutTitle',
  } as const;
  for (const [key, titleKey] of Object.entries(contentPages) as [keyof typeof contentPages, string][]) {
    onPage(app, 'GET', key, (c) => {
      const title = c.get('m').pages[titleKey as (typeof contentPages)[typeof key]];
      return renderPage(c, title, ({ lang }) => (
        <article class="content-page">
          <h1>{title}</h1>
          {pageContent(lang)[key]()}
        </article>
      ));
    });
  }
}
