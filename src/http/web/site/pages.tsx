import type { Hono } from 'hono';
import type { ProgrammeFigures } from '../../../domain/catalogue/queries.ts';
import {
  FRONT_PAGE_PERIOD,
  type FrontPageItems,
  frontPageFigures,
  frontPageItems,
} from '../../../domain/site/front-page.ts';
import { briefly } from '../../brief-cache.ts';
import type { AppEnv } from '../../context.ts';
import { pageContent } from '../../i18n/content/index.ts';
import { formatDate, formatDateTime, formatNumber, type Messages } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';

/** The programme totals count distinct companies over three years: shared for a minute. */
const homeFigures = briefly(60_000, (deps) => frontPageFigures(deps.db));

const { from: FROM, to: TO } = FRONT_PAGE_PERIOD;

interface View {
  m: Messages;
  lang: Lang;
}

function SearchBox({ v }: { v: View }) {
  const { m, lang } = v;
  return (
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
  );
}

/** News, upcoming events and open calls side by side. */
function LatestColumns({ v, items }: { v: View; items: FrontPageItems }) {
  const { m, lang } = v;
  return (
    <div class="row home-columns">
      <section class="col-12 col-md-4" aria-labelledby="home-news">
        <h2 id="home-news" class="h3">
          <a href={href('news', lang)}>{m.nav.news}</a>
        </h2>
        <ul class="nobullet-list">
          {items.news.map((n) => (
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
          {items.events.map((e) => (
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
          {items.openCalls.map((call) => (
            <li>
              <a href={pageHref('call', lang, { slug: call.slug })}>{call.title}</a>
              <span class="d-block form-hint">{m.home.deadline(formatDateTime(call.deadline, lang))}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function KeyFigures({ v, figures }: { v: View; figures: ProgrammeFigures }) {
  const { m, lang } = v;
  const items: [number, string][] = [
    [figures.clusters, m.home.figures.clusters],
    [figures.nationalClusters, m.home.figures.nationalClusters],
    [figures.activities, m.home.figures.activities(FROM, TO)],
    [figures.distinctCompanies, m.home.figures.companies(FROM, TO)],
    [figures.funders, m.home.figures.funders],
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{m.home.figuresHeading}</h2>
      <ul class="key-figures no-max-width">
        {items.map(([value, label]) => (
          <li>
            <strong class="key-figure-value">{formatNumber(value, lang)}</strong> <span>{label}</span>
          </li>
        ))}
      </ul>
      <p class="form-hint">{m.home.figuresNote}</p>
      <p>
        <a href={href('results', lang)}>{m.home.resultsLink}</a>
      </p>
    </section>
  );
}

function NationalClusters({ v, national }: { v: View; national: FrontPageItems['national'] }) {
  const { m, lang } = v;
  return (
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
  );
}

export function registerPublicPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'home', async (c) => {
    const deps = c.get('deps');
    const [figures, items] = await Promise.all([homeFigures(deps), frontPageItems(deps.db, deps.clock())]);
    const m = c.get('m');
    return renderPage(c, m.home.title, ({ lang, user }) => {
      const v: View = { m, lang };
      return (
        <>
          <h1>{m.home.title}</h1>
          <p class="font-lead">{m.home.lead}</p>
          <SearchBox v={v} />
          <LatestColumns v={v} items={items} />
          <KeyFigures v={v} figures={figures} />
          <NationalClusters v={v} national={items.national} />
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
