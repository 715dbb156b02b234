import { THEMES, themeText } from '../../../../domain/catalogue/themes.ts';
import { COUNTRIES, countryName } from '../../../../domain/companies/schemas.ts';
import type { MarketplaceItem } from '../../../../domain/marketplace/queries.ts';
import {
  MARKETPLACE_DIRECTIONS,
  MARKETPLACE_PAGE_SIZE,
  MARKETPLACE_TYPES,
  MAX_MARKETPLACE_PAGE,
  type MarketplaceQuery,
} from '../../../../domain/marketplace/schemas.ts';
import { formatDate, formatNumber } from '../../../../domain/reference/danish.ts';
import { REGIONS } from '../../../../domain/reference/geography.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, SelectField, TextField } from '../../../views/forms.tsx';
import { Pager, queryOf } from '../../../views/pager.tsx';
import type { MarketplaceMessages } from '../messages.ts';

function ItemCard(p: { item: MarketplaceItem; lang: Lang; t: MarketplaceMessages }) {
  const { item, lang, t } = p;
  return (
    <li class="mb-5">
      <h3 class="h4 mb-2">
        <a href={pageHref('marketplaceItem', lang, { id: item.id })}>{item.title}</a>
      </h3>
      <p class="mt-0 mb-2">
        {t.directions[item.direction]} · {t.types[item.type]} · {item.owner.name} (
        {countryName(item.owner.country, lang)}) · {t.validUntil(formatDate(item.validUntil, lang))}
      </p>
      {(item.themes.length > 0 || item.technologies.length > 0) && (
        <p class="mt-0 mb-2">
          {[...item.themes.map((k) => themeText(k, lang)), ...item.technologies].join(' · ')}
        </p>
      )}
    </li>
  );
}

function Filters(p: {
  f: MarketplaceQuery;
  clusters: { slug: string; name: string }[];
  lang: Lang;
  t: MarketplaceMessages;
}) {
  const { f, lang, t } = p;
  return (
    <form method="get" action={href('marketplace', lang)}>
      <TextField name="q" type="search" label={t.search} value={f.q} />
      <SelectField
        name="direction"
        label={t.direction}
        placeholder={t.all}
        value={f.direction}
        options={MARKETPLACE_DIRECTIONS.map((d) => ({ value: d, label: t.directions[d] ?? d }))}
      />
      <SelectField
        name="type"
        label={t.type}
        placeholder={t.all}
        value={f.type}
        options={MARKETPLACE_TYPES.map((ty) => ({ value: ty, label: t.types[ty] ?? ty }))}
      />
      <SelectField
        name="theme"
        label={t.theme}
        placeholder={t.all}
        value={f.theme}
        options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
      />
      <TextField name="technology" label={t.technology} value={f.technology} />
      <SelectField
        name="country"
        label={t.country}
        placeholder={t.all}
        value={f.country}
        options={COUNTRIES.map((code) => ({ value: code, label: countryName(code, lang) }))}
      />
      <SelectField
        name="region"
        label={t.region}
        placeholder={t.all}
        value={f.region === undefined ? undefined : String(f.region)}
        options={REGIONS.map((r) => ({ value: String(r.code), label: lang === 'en' ? r.nameEn : r.name }))}
      />
      <SelectField
        name="cluster"
        label={t.cluster}
        placeholder={t.all}
        value={f.cluster}
        options={p.clusters.map((c) => ({ value: c.slug, label: c.name }))}
      />
      <button type="submit" class="button button-primary">
        {t.search}
      </button>
    </form>
  );
}

/** The public marketplace: filters and one page of the items valid today. */
export function MarketplaceListView(p: {
  f: MarketplaceQuery;
  items: MarketplaceItem[];
  total: number;
  clusters: { slug: string; name: string }[];
  canPublish: boolean;
  signedIn: boolean;
  /** The caller has just withdrawn one of their items. */
  withdrawn: boolean;
  lang: Lang;
  t: MarketplaceMessages;
}) {
  const { f, lang, t } = p;
  const pages = Math.min(MAX_MARKETPLACE_PAGE, Math.ceil(p.total / MARKETPLACE_PAGE_SIZE));
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {p.withdrawn && <Alert variant="success">{t.withdrawn}</Alert>}
      {p.canPublish && (
        <p>
          <a class="button button-secondary" href={href('marketplaceNew', lang)}>
            {t.newItem}
          </a>
        </p>
      )}
      {!p.signedIn && (
        <p>
          {t.signInToAct} <a href={href('companySignup', lang)}>{t.signupLink}</a>
        </p>
      )}
      <Filters f={f} clusters={p.clusters} lang={lang} t={t} />
      <section aria-labelledby="items-heading" class="mt-7">
        <h2 id="items-heading" role="status">
          {p.total > 0 ? t.found(p.total, formatNumber(p.total, lang)) : t.none}
        </h2>
        <ul class="nobullet-list">
          {p.items.map((item) => (
            <ItemCard item={item} lang={lang} t={t} />
          ))}
        </ul>
        <Pager
          page={f.page}
          pages={pages}
          link={(page) => href('marketplace', lang, queryOf(f, page))}
          status={t.page(f.page, pages)}
          previous={t.previous}
          next={t.next}
        />
      </section>
    </>
  );
}
