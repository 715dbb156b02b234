import { Hono } from 'hono';
import { nationalClusters, programmeFigures } from '../../domain/catalogue/queries.ts';
import type { AppEnv } from '../context.ts';
import { pageContent } from '../i18n/content/index.ts';
import { formatDate, formatNumber } from '../i18n/index.ts';
import { href } from '../paths.ts';
import { renderPage } from '../render.tsx';
import { onPage } from './routes.ts';

/** The programme period the front page summarises. */
const FIGURES_FROM = 2021;
const FIGURES_TO = 2023;

export function publicPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  onPage(app, 'GET', 'home', async (c) => {
    const { db } = c.get('deps');
    const [figures, national] = await Promise.all([
      programmeFigures(db, FIGURES_FROM, FIGURES_TO),
      nationalClusters(db, FIGURES_FROM),
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

  return app;
}
