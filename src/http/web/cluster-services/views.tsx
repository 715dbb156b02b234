import type { ClusterService } from '../../../domain/cluster-services/queries.ts';
import { SERVICE_AUDIENCES, SERVICE_PRICES } from '../../../domain/cluster-services/schemas.ts';
import type { Messages } from '../../i18n/index.ts';
import { type Lang, pageHref } from '../../paths.ts';
import { ErrorSummary, type PostedForm, SelectField, TextAreaField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import type { ClusterServiceMessages } from './messages.ts';

/** The address of a cluster's services in the open API (JSON, or CSV with `.csv`). */
export const servicesExportHref = (slug: string, format: 'json' | 'csv') =>
  `/api/v1/clusters/${encodeURIComponent(slug)}/services${format === 'csv' ? '.csv' : ''}`;

/** What a service costs, as a visitor reads it. */
export const priceOf = (s: ClusterService, t: ClusterServiceMessages) =>
  s.priceKind === 'free' ? t.free : s.priceText;

/** The service's title and description in the page's language (Danish when no English was given). */
export const inLanguage = (s: ClusterService, lang: Lang) => ({
  title: lang === 'en' && s.titleEn ? s.titleEn : s.titleDa,
  description: lang === 'en' && s.descriptionEn ? s.descriptionEn : s.descriptionDa,
});

export const SERVICE_FIELDS = [
  'titleDa',
  'titleEn',
  'descriptionDa',
  'descriptionEn',
  'targetGroup',
  'priceKind',
  'priceText',
  'contactName',
  'contactEmail',
  'url',
] as const;

/** A service's fields as the form shows them. */
export const serviceToFields = (s: ClusterService): Record<string, string> => ({
  ...s,
  url: s.url ?? '',
});

export function ServiceForm(p: {
  action: string;
  form: PostedForm;
  csrfToken: string;
  m: Messages;
  t: ClusterServiceMessages;
}) {
  const { t, form } = p;
  const v = (k: (typeof SERVICE_FIELDS)[number]) => {
    const value = form.values[k];
    return typeof value === 'string' ? value : '';
  };
  const field = (k: (typeof SERVICE_FIELDS)[number]) => ({
    name: k,
    label: t.fields[k],
    error: form.errors[k],
  });
  return (
    <>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField {...field('titleDa')} value={v('titleDa')} />
        <TextAreaField {...field('descriptionDa')} value={v('descriptionDa')} rows={5} />
        <SelectField
          {...field('targetGroup')}
          value={v('targetGroup')}
          placeholder=""
          options={SERVICE_AUDIENCES.map((a) => ({ value: a, label: t.audiences[a] }))}
        />
        <SelectField
          {...field('priceKind')}
          value={v('priceKind')}
          placeholder=""
          options={SERVICE_PRICES.map((k) => ({ value: k, label: t.priceKinds[k] }))}
        />
        <TextField {...field('priceText')} hint={t.fields.priceTextHint} value={v('priceText')} />
        <TextField {...field('contactName')} value={v('contactName')} autocomplete="name" />
        <TextField {...field('contactEmail')} type="email" value={v('contactEmail')} autocomplete="email" />
        <TextField {...field('url')} value={v('url')} autocomplete="url" />
        <TextField {...field('titleEn')} value={v('titleEn')} />
        <TextAreaField {...field('descriptionEn')} value={v('descriptionEn')} rows={5} />
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
      </form>
    </>
  );
}

/** The services on the cluster's public page; nothing when it has none. */
export function PublicServices(p: { services: ClusterService[]; lang: Lang; t: ClusterServiceMessages }) {
  const { t, lang } = p;
  if (p.services.length === 0) return null;
  return (
    <section aria-labelledby="cluster-services">
      <h2 id="cluster-services">{t.publicHeading}</h2>
      {p.services.map((s) => {
        const { title, description } = inLanguage(s, lang);
        return (
          <article>
            <h3>{title}</h3>
            <p>{description}</p>
            <dl>
              <dt>{t.forWhom}</dt>
              <dd>{t.audiences[s.targetGroup]}</dd>
              <dt>{t.price}</dt>
              <dd>{priceOf(s, t)}</dd>
              <dt>{t.contact}</dt>
              <dd>
                {s.contactName}, <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
              </dd>
            </dl>
            {s.url && (
              <p>
                <a href={s.url}>{t.readMore}</a>
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}

/** One cluster's services in the workspace: each with its edit link, then adding and the exports. */
export function OwnServices(p: {
  cluster: { slug: string; name: string; services: ClusterService[] };
  lang: Lang;
  t: ClusterServiceMessages;
}) {
  const { cluster, lang, t } = p;
  return (
    <section aria-labelledby={`services-${cluster.slug}`}>
      <h2 id={`services-${cluster.slug}`}>{cluster.name}</h2>
      {cluster.services.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {cluster.services.map((s) => (
            <li>
              <a href={pageHref('clusterService', lang, { slug: cluster.slug, id: s.id })}>{s.titleDa}</a>
              {` (${t.audiences[s.targetGroup]}; ${priceOf(s, t)})`}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button button-secondary" href={pageHref('clusterServiceNew', lang, { slug: cluster.slug })}>
          {t.add}
        </a>
      </p>
      <h3>{t.exportHeading}</h3>
      <ul>
        <li>
          <a href={servicesExportHref(cluster.slug, 'json')}>{t.exportJson(cluster.name)}</a>
        </li>
        <li>
          <a href={servicesExportHref(cluster.slug, 'csv')}>{t.exportCsv(cluster.name)}</a>
        </li>
      </ul>
    </section>
  );
}
