import { raw } from 'hono/html';
import { renderMarkdown } from '../../../../domain/content/markdown.ts';
import {
  SERVICE_FORMS,
  SERVICE_LANGUAGES,
  type ServiceFilter,
  TARGET_GROUPS,
} from '../../../../domain/support/schemas.ts';
import type { Service } from '../../../../domain/support/services.ts';
import { formatAmount, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { SupportMessages } from '../messages.ts';

type Shared = { lang: Lang; t: SupportMessages };

/** A service's title, summary and description in the page's language. */
export const inLanguage = (s: Service, lang: Lang) =>
  lang === 'en'
    ? { title: s.titleEn, summary: s.summaryEn, description: s.descriptionEn }
    : { title: s.titleDa, summary: s.summaryDa, description: s.descriptionDa };

export function priceText(s: Pick<Service, 'payment' | 'priceDkk'>, { lang, t }: Shared): string {
  if (s.priceDkk === null) return t.free;
  return t.priceText(t.paymentNames[s.payment], formatAmount(s.priceDkk, lang));
}

/** The facts of a service as a description list: for whom, how, what it costs, places, language. */
function Facts({ s, lang, t }: Shared & { s: Service }) {
  return (
    <dl class="service-facts">
      <dt>{t.targetGroups}</dt>
      <dd>{s.targetGroups.map((g) => t.targetGroupNames[g]).join(', ')}</dd>
      <dt>{t.form}</dt>
      <dd>{t.formNames[s.form]}</dd>
      <dt>{t.payment}</dt>
      <dd>{priceText(s, { lang, t })}</dd>
      <dt>{t.capacity}</dt>
      <dd>{s.capacity === null ? t.unlimited : formatNumber(s.capacity, lang)}</dd>
      <dt>{t.language}</dt>
      <dd>{t.languageNames[s.language]}</dd>
    </dl>
  );
}

function Filter({ filter, lang, t }: Shared & { filter: ServiceFilter }) {
  const select = (name: keyof ServiceFilter, label: string, all: string, options: [string, string][]) => (
    <div class="form-group">
      <label class="form-label" for={`filter-${name}`}>
        {label}
      </label>
      <select class="form-select" id={`filter-${name}`} name={name}>
        <option value="">{all}</option>
        {options.map(([value, text]) => (
          <option value={value} selected={filter[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={href('services', lang)} class="form-inline" aria-label={t.filters}>
      {select(
        'group',
        t.targetGroup,
        t.allGroups,
        TARGET_GROUPS.map((g) => [g, t.targetGroupNames[g]]),
      )}
      {select(
        'form',
        t.form,
        t.allForms,
        SERVICE_FORMS.map((f) => [f, t.formNames[f]]),
      )}
      {select(
        'language',
        t.language,
        t.allLanguages,
        SERVICE_LANGUAGES.map((l) => [l, t.languageNames[l]]),
      )}
      <button type="submit" class="button button-secondary">
        {t.show}
      </button>
    </form>
  );
}

/** The public list of services on offer, with its filters. */
export function ServiceListView(p: Shared & { services: Service[]; filter: ServiceFilter }) {
  const { lang, t } = p;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <Filter filter={p.filter} lang={lang} t={t} />
      <p role="status">{t.count(p.services.length)}</p>
      {p.services.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="nobullet-list">
          {p.services.map((s) => {
            const text = inLanguage(s, lang);
            return (
              <li class="mt-6">
                <h2 class="h3 mb-2">
                  <a href={pageHref('service', lang, { slug: s.slug })}>{text.title}</a>
                </h2>
                <p class="mb-2">{text.summary}</p>
                <p class="form-hint mt-0">
                  {[
                    t.formNames[s.form],
                    s.targetGroups.map((g) => t.targetGroupNames[g]).join(', '),
                    priceText(s, p),
                  ].join(' · ')}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** One service's page; those who keep the catalogue get its edit and retire actions. */
export function ServiceView(
  p: Shared & { service: Service; mayManage: boolean; notice: string | null; csrfToken: string },
) {
  const { service: s, lang, t } = p;
  const text = inLanguage(s, lang);
  return (
    <>
      <p>
        <a href={href('services', lang)}>{t.allServices}</a>
      </p>
      <h1>{text.title}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      {s.retiredAt && <Alert variant="info">{t.retired}</Alert>}
      <p class="font-lead">{text.summary}</p>
      <Facts s={s} lang={lang} t={t} />
      {text.description && <div class="content-body">{raw(renderMarkdown(text.description))}</div>}
      {p.mayManage && (
        <div class="mt-7">
          <a class="button button-secondary" href={pageHref('serviceEdit', lang, { slug: s.slug })}>
            {t.edit}
          </a>
          <form
            method="post"
            action={pageHref('serviceRetire', lang, { slug: s.slug })}
            class="d-inline-block"
          >
            <CsrfField token={p.csrfToken} />
            <input type="hidden" name="retired" value={s.retiredAt ? 'false' : 'true'} />
            <button type="submit" class="button button-tertiary">
              {s.retiredAt ? t.reinstate : t.retire}
            </button>
          </form>
        </div>
      )}
    </>
  );
}
