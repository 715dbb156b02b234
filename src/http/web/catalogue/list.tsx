import type { Hono } from 'hono';
import { z } from 'zod';
import { type CatalogueEntry, catalogueBySignificance } from '../../../domain/catalogue/queries.ts';
import { THEMES, themeLabel } from '../../../domain/catalogue/themes.ts';
import { REGIONS, regionName } from '../../../domain/reference/geography.ts';
import { type AppEnv, today } from '../../context.ts';
import { formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { catalogueMessages } from './messages.ts';
import { LabelTag } from './views/cluster-profile.tsx';

const catalogueFilter = z.object({
  tema: z
    .enum(THEMES.map((t) => t.key) as [string, ...string[]])
    .optional()
    .catch(undefined),
  region: z.coerce
    .number()
    .int()
    .refine((n) => REGIONS.some((r) => r.code === n))
    .optional()
    .catch(undefined),
  liga: z.enum(['world_class', 'regional', 'emerging']).optional().catch(undefined),
  maerke: z.enum(['gold', 'silver', 'bronze', 'none']).optional().catch(undefined),
});

function EntryList({ entries, lang }: { entries: CatalogueEntry[]; lang: Lang }) {
  const t = catalogueMessages(lang);
  return (
    <ul class="cluster-cards no-max-width">
      {entries.map((e) => (
        <li class="cluster-card">
          <h3 class="h4">
            <a href={pageHref('cluster', lang, { slug: e.slug })}>{e.name}</a>
          </h3>
          <p>{lang === 'da' ? e.summaryDa : e.summaryEn || e.summaryDa}</p>
          <p class="cluster-card-meta">
            <span>{t.leagues[e.league]}</span>
            {e.seatName && <span>{e.seatName}</span>}
            {e.regionCode && <span>{regionName(e.regionCode, lang)}</span>}
            {e.currentLabel && <LabelTag level={e.currentLabel} t={t} />}
            {e.isDemo && <span class="badge">{t.demo}</span>}
          </p>
          <p class="cluster-card-themes">{e.themes.map((k) => themeLabel(k as never, lang)).join(' · ')}</p>
        </li>
      ))}
    </ul>
  );
}

function FilterForm({ lang, f }: { lang: Lang; f: z.infer<typeof catalogueFilter> }) {
  const t = catalogueMessages(lang);
  return (
    <form method="get" action={href('clusters', lang)} class="filter-form" aria-label={t.filters}>
      <SelectField
        name="tema"
        label={t.theme}
        placeholder={t.all}
        value={f.tema}
        options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
      />
      <SelectField
        name="region"
        label={t.region}
        placeholder={t.all}
        value={f.region ? String(f.region) : undefined}
        options={REGIONS.map((r) => ({ value: String(r.code), label: lang === 'da' ? r.name : r.nameEn }))}
      />
      <SelectField
        name="liga"
        label={t.league}
        placeholder={t.all}
        value={f.liga}
        options={(['world_class', 'regional', 'emerging'] as const).map((l) => ({
          value: l,
          label: t.leagues[l],
        }))}
      />
      <SelectField
        name="maerke"
        label={t.label}
        placeholder={t.all}
        value={f.maerke}
        options={[
          ...(['gold', 'silver', 'bronze'] as const).map((l) => ({ value: l, label: t.labels[l] })),
          { value: 'none', label: t.noLabel },
        ]}
      />
      <div class="filter-actions">
        <button type="submit" class="button button-primary">
          {t.apply}
        </button>
        <a href={href('clusters', lang)}>{t.reset}</a>
      </div>
    </form>
  );
}

/** The public catalogue: significant clusters first, then the smaller and emerging ones. */
export function registerCatalogueListPage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'clusters', async (c) => {
    const f = catalogueFilter.parse(c.req.query());
    const { significant, emerging } = await catalogueBySignificance(c.get('deps').db, {
      theme: f.tema,
      region: f.region,
      league: f.liga,
      label: f.maerke,
      today: today(c),
    });
    const count = significant.length + emerging.length;
    const t = catalogueMessages(c.get('lang'));
    return renderPage(c, t.catalogueTitle, ({ lang }) => (
      <>
        <h1>{t.catalogueTitle}</h1>
        <p class="font-lead">{t.catalogueLead}</p>
        <FilterForm lang={lang} f={f} />
        <p role="status">{t.count(count)}</p>
        {count === 0 && <p>{t.none}</p>}
        {significant.length > 0 && (
          <section aria-labelledby="significant-heading">
            <h2 id="significant-heading">
              {t.significantHeading} ({formatNumber(significant.length, lang)})
            </h2>
            <EntryList entries={significant} lang={lang} />
          </section>
        )}
        {emerging.length > 0 && (
          <section aria-labelledby="emerging-heading">
            <h2 id="emerging-heading">
              {t.emergingHeading} ({formatNumber(emerging.length, lang)})
            </h2>
            <EntryList entries={emerging} lang={lang} />
          </section>
        )}
        <p>
          <a href="/api/v1/clusters.csv">{t.download}</a>
        </p>
      </>
    ));
  });
}
