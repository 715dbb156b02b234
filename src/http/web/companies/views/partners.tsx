import { THEMES, themeText } from '../../../../domain/catalogue/themes.ts';
import {
  MAX_PARTNER_PAGE,
  PARTNER_KINDS,
  PARTNER_PAGE_SIZE,
  type Partner,
  type PartnerQuery,
} from '../../../../domain/companies/partner-search.ts';
import { COUNTRIES, countryName } from '../../../../domain/companies/schemas.ts';
import { formatNumber } from '../../../../domain/reference/danish.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { SelectField, TextField } from '../../../views/forms.tsx';
import { Pager, queryOf } from '../../../views/pager.tsx';
import type { CompanyMessages } from '../messages.ts';

function PartnerCard(p: { partner: Partner; lang: Lang; t: CompanyMessages }) {
  const { partner, lang, t } = p;
  const place =
    partner.regionCode !== null
      ? `${countryName(partner.country, lang)}, ${regionName(partner.regionCode, lang)}`
      : countryName(partner.country, lang);
  return (
    <li class="mb-5">
      <h3 class="h4 mb-2">
        {partner.kind === 'cluster' ? (
          <a href={pageHref('cluster', lang, { slug: partner.slug })}>{partner.name}</a>
        ) : (
          partner.name
        )}
      </h3>
      <p class="mt-0 mb-2">
        {t.kinds[partner.kind]} · {place}
      </p>
      {partner.description && <p class="mt-0 mb-2">{partner.description}</p>}
      {partner.seeks && (
        <p class="mt-0 mb-2">
          <strong>{t.seeksLabel}:</strong> {partner.seeks}
        </p>
      )}
      {(partner.themes.length > 0 || partner.technologies.length > 0) && (
        <p class="mt-0 mb-2">
          {[...partner.themes.map((k) => themeText(k, lang)), ...partner.technologies].join(' · ')}
        </p>
      )}
    </li>
  );
}

/** The partner search: filters (a GET form) and one page of clusters and companies. */
export function PartnersView(p: {
  f: PartnerQuery;
  partners: Partner[];
  total: number;
  lang: Lang;
  t: CompanyMessages;
}) {
  const { f, lang, t } = p;
  const pages = Math.min(MAX_PARTNER_PAGE, Math.ceil(p.total / PARTNER_PAGE_SIZE));
  return (
    <>
      <h1>{t.partnersTitle}</h1>
      <p class="font-lead">{t.partnersLead}</p>
      <p>
        <a href={href('companySignup', lang)}>{t.signupLink}</a>
      </p>
      <form method="get" action={href('partners', lang)}>
        <TextField name="q" type="search" label={t.search} value={f.q} />
        <SelectField
          name="kind"
          label={t.kind}
          placeholder={t.all}
          value={f.kind}
          options={PARTNER_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
        />
        <SelectField
          name="country"
          label={t.country}
          placeholder={t.all}
          value={f.country}
          options={COUNTRIES.map((code) => ({ value: code, label: countryName(code, lang) }))}
        />
        <SelectField
          name="theme"
          label={t.theme}
          placeholder={t.all}
          value={f.theme}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
        />
        <TextField name="technology" label={t.technology} value={f.technology} />
        <button type="submit" class="button button-primary">
          {t.search}
        </button>
      </form>
      <section aria-labelledby="partners-heading" class="mt-7">
        <h2 id="partners-heading" role="status">
          {p.total > 0 ? t.found(p.total, formatNumber(p.total, lang)) : t.noPartners}
        </h2>
        <ul class="nobullet-list">
          {p.partners.map((partner) => (
            <PartnerCard partner={partner} lang={lang} t={t} />
          ))}
        </ul>
        <Pager
          page={f.page}
          pages={pages}
          link={(page) => href('partners', lang, queryOf(f, page))}
          status={t.page(f.page, pages)}
          previous={t.previous}
          next={t.next}
        />
      </section>
    </>
  );
}
