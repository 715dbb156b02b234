import type { Hono } from 'hono';
import { z } from 'zod';
import {
  activityCountsByCategory,
  type CatalogueEntry,
  catalogueEntries,
  clusterBySlug,
  fundingByYear,
  labelHistory,
  successStories,
  upcomingEvents,
} from '../../../domain/catalogue/queries.ts';
import { THEMES, themeLabel } from '../../../domain/catalogue/themes.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { REGIONS, regionName } from '../../../domain/reference/geography.ts';
import { clientIp } from '../../client-ip.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { ClusterFacts, Description, LabelTag, QualificationTable } from '../../views/cluster-profile.tsx';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { clusterEditRoutes, qualificationOf } from './cluster-edit.tsx';
import { catalogueMessages } from './messages.ts';

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

/** Activity figures on a cluster page cover the last three complete programme years. */
const ACTIVITY_YEARS = { from: 2021, to: 2023 } as const;

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

async function clusterPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const day = today(c);
  const cluster = await clusterBySlug(db, c.req.param('slug') ?? '', day);
  if (!cluster) throw notFound('cluster');
  const id = cluster.organisationId;
  const [labels, funding, activities, events, stories] = await Promise.all([
    labelHistory(db, id),
    fundingByYear(db, id),
    activityCountsByCategory(db, id, ACTIVITY_YEARS.from, ACTIVITY_YEARS.to),
    upcomingEvents(db, id, clock()),
    successStories(db, id, clock()),
  ]);
  const q = qualificationOf(cluster);
  const t = catalogueMessages(c.get('lang'));
  const user = c.get('user');
  const mayEdit = can(user, 'clusterProfile.edit', { organisationId: id });
  const sent = c.req.query('sendt') === '1';
  return renderPage(c, cluster.name, ({ lang }) => (
    <>
      <h1>{cluster.name}</h1>
      <p class="font-lead">{lang === 'da' ? cluster.summaryDa : cluster.summaryEn || cluster.summaryDa}</p>
      <p class="cluster-card-meta">
        {cluster.nationalFrom && cluster.nationalTo && (
          <span>{t.national(cluster.nationalFrom, cluster.nationalTo)}</span>
        )}
        {cluster.endedOn && <span>{t.ended(formatDate(cluster.endedOn, lang))}</span>}
        {cluster.currentLabel && <LabelTag level={cluster.currentLabel} t={t} />}
        {cluster.isDemo && <span class="badge">{t.demo}</span>}
      </p>
      {mayEdit && (
        <p>
          <a class="button button-secondary" href={pageHref('clusterEdit', lang, { slug: cluster.slug })}>
            {t.edit}
          </a>
        </p>
      )}
      <div class="row">
        <div class="col-12 col-lg-7">
          <Description
            text={lang === 'da' ? cluster.descriptionDa : cluster.descriptionEn || cluster.descriptionDa}
          />
          <h2>{t.activitiesHeading(ACTIVITY_YEARS.from, ACTIVITY_YEARS.to)}</h2>
          <ActivityTable rows={activities} lang={lang} />
          <h2>{t.eventsHeading}</h2>
          {events.length === 0 ? (
            <p>{t.noEvents}</p>
          ) : (
            <ul>
              {events.map((e) => (
                <li lang={e.lang}>
                  <a href={pageHref('event', lang, { slug: e.slug })}>{e.title}</a>,{' '}
                  {formatDateTime(new Date(e.startsAt), lang)}
                  {e.location && `, ${e.location}`}
                </li>
              ))}
            </ul>
          )}
          <h2>{t.storiesHeading}</h2>
          {stories.length === 0 ? (
            <p>{t.noStories}</p>
          ) : (
            <ul>
              {stories.map((s) => (
                <li lang={s.lang}>
                  <a href={pageHref('story', lang, { slug: s.slug })}>{s.title}</a>
                  {s.summary && ` – ${s.summary}`}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="col-12 col-lg-5">
          <ClusterFacts c={cluster} t={t} lang={lang} />
        </div>
      </div>
      <h2>{t.qualificationHeading}</h2>
      <QualificationTable q={q} t={t} lang={lang} />
      <h2>{t.labelHeading}</h2>
      <LabelHistoryTable rows={labels} lang={lang} />
      <h2>{t.fundingHeading}</h2>
      <FundingTable rows={funding} lang={lang} />
      <ContactForm c={c} slug={cluster.slug} hasEmail={Boolean(cluster.contactEmail)} sent={sent} />
    </>
  ));
}

function ActivityTable({ rows, lang }: { rows: { category: string; activities: number }[]; lang: Lang }) {
  const t = catalogueMessages(lang);
  if (rows.length === 0) return <p>{t.noActivities}</p>;
  return (
    <table class="table table--compact">
      <thead>
        <tr>
          <th scope="col">{t.category}</th>
          <th scope="col" class="text-align-right">
            {t.activities}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{categoryLabel(r.category, lang)}</td>
            <td class="text-align-right">{formatNumber(r.activities, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CATEGORY_LABELS: Record<string, { da: string; en: string }> = {
  innovation_collaboration: { da: 'Innovationssamarbejde', en: 'Innovation collaboration' },
  internationalisation: { da: 'Internationalisering', en: 'Internationalisation' },
  knowledge_dissemination: { da: 'Videnspredning', en: 'Knowledge dissemination' },
  access_to_finance: { da: 'Adgang til finansiering', en: 'Access to finance' },
  entrepreneurs: { da: 'Iværksættere', en: 'Entrepreneurs' },
  networking: { da: 'Netværk', en: 'Networking' },
  organisation_development: { da: 'Organisationsudvikling', en: 'Organisation development' },
};
export const categoryLabel = (key: string, lang: Lang) => CATEGORY_LABELS[key]?.[lang] ?? key;

function LabelHistoryTable({
  rows,
  lang,
}: {
  rows: {
    level: 'bronze' | 'silver' | 'gold';
    awardedOn: string;
    validUntil: string;
    assessingBody: string;
  }[];
  lang: Lang;
}) {
  const t = catalogueMessages(lang);
  if (rows.length === 0) return <p>{t.noLabels}</p>;
  return (
    <table class="table table--compact">
      <caption>{t.labelHistory}</caption>
      <thead>
        <tr>
          <th scope="col">{t.label}</th>
          <th scope="col">{t.awarded}</th>
          <th scope="col">{t.validUntil}</th>
          <th scope="col">{t.assessingBody}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{t.labels[r.level]}</td>
            <td>{formatDate(r.awardedOn, lang)}</td>
            <td>{formatDate(r.validUntil, lang)}</td>
            <td>{r.assessingBody}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FundingTable({
  rows,
  lang,
}: {
  rows: { year: number; funder: string; amountDkk: number; responsible: boolean }[];
  lang: Lang;
}) {
  const t = catalogueMessages(lang);
  if (rows.length === 0) return <p>{t.noFunding}</p>;
  return (
    <table class="table table--compact">
      <thead>
        <tr>
          <th scope="col">{t.year}</th>
          <th scope="col">{t.funder}</th>
          <th scope="col" class="text-align-right">
            {t.amount}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>{r.year}</td>
            <td>
              {r.funder}
              {r.responsible && ` (${t.responsible})`}
            </td>
            <td class="text-align-right">{formatNumber(r.amountDkk, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const contactForm = z.object({
  name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  email: z.string().trim().min(1, 'required').max(254, 'tooLong').pipe(z.email('email')),
  message: z.string().trim().min(1, 'required').max(5000, 'tooLong'),
});

function ContactForm(p: {
  c: AppContext;
  slug: string;
  hasEmail: boolean;
  sent: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const lang = p.c.get('lang');
  const t = catalogueMessages(lang);
  const m = p.c.get('m');
  return (
    <section aria-labelledby="contact-heading" class="mt-7" id="kontakt">
      <h2 id="contact-heading">{t.contactHeading}</h2>
      {p.sent && <Alert variant="success">{t.contactSent}</Alert>}
      {!p.hasEmail ? (
        <p>{t.contactUnavailable}</p>
      ) : (
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <p>{t.contactIntro}</p>
            <ErrorSummary m={m} errors={p.errors ?? {}} />
            <form method="post" action={pageHref('clusterContact', lang, { slug: p.slug })} novalidate>
              <CsrfField token={p.c.get('csrfToken')()} />
              <TextField
                name="name"
                label={t.contactName}
                value={p.values?.name}
                autocomplete="name"
                error={p.errors?.name}
              />
              <TextField
                name="email"
                type="email"
                label={t.contactEmail}
                value={p.values?.email}
                autocomplete="email"
                error={p.errors?.email}
              />
              <div class={p.errors?.message ? 'form-group form-error' : 'form-group'}>
                <label class="form-label" for="message">
                  {t.contactMessage}
                </label>
                {p.errors?.message && (
                  <span class="form-error-message" id="message-error">
                    {p.errors.message}
                  </span>
                )}
                <textarea
                  class="form-input"
                  id="message"
                  name="message"
                  rows={6}
                  aria-describedby={p.errors?.message ? 'message-error' : undefined}
                >
                  {p.values?.message ?? ''}
                </textarea>
              </div>
              <button type="submit" class="button button-primary">
                {t.contactSend}
              </button>
            </form>
          </div>
        </div>
      )}
    </section>
  );
}

export function registerCataloguePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'clusters', async (c) => {
    const f = catalogueFilter.parse(c.req.query());
    const entries = await catalogueEntries(c.get('deps').db, {
      theme: f.tema,
      region: f.region,
      league: f.liga,
      label: f.maerke,
      today: today(c),
    });
    const isSignificant = new Map(entries.map((e) => [e.organisationId, qualificationOf(e).significant]));
    const significant = entries.filter((e) => isSignificant.get(e.organisationId));
    const emerging = entries.filter((e) => !isSignificant.get(e.organisationId));
    const t = catalogueMessages(c.get('lang'));
    return renderPage(c, t.catalogueTitle, ({ lang }) => (
      <>
        <h1>{t.catalogueTitle}</h1>
        <p class="font-lead">{t.catalogueLead}</p>
        <FilterForm lang={lang} f={f} />
        <p role="status">{t.count(entries.length)}</p>
        {entries.length === 0 && <p>{t.none}</p>}
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

  onPage(app, 'GET', 'clusterEdit', (c) => clusterEditRoutes.edit(c));
  onPage(app, 'POST', 'clusterEdit', (c) => clusterEditRoutes.save(c));
  onPage(app, 'GET', 'clusterPreview', (c) => clusterEditRoutes.preview(c));

  onPage(app, 'POST', 'clusterContact', async (c) => {
    const deps = c.get('deps');
    const lang = c.get('lang');
    const t = catalogueMessages(lang);
    const cluster = await clusterBySlug(deps.db, c.req.param('slug') ?? '', today(c));
    if (!cluster) throw notFound('cluster');
    if (!cluster.contactEmail) throw new AppError('validation', t.contactUnavailable);
    const values = formFields(await c.req.parseBody());
    const parsed = contactForm.safeParse(values);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, c.get('m'));
      return renderPage(
        c,
        cluster.name,
        () => (
          <>
            <h1>{cluster.name}</h1>
            <ContactForm c={c} slug={cluster.slug} hasEmail sent={false} values={values} errors={errors} />
          </>
        ),
        422,
      );
    }
    const wait = await deps.limiters.mail.consume(`contact|${clientIp(c)}`).then(
      () => 0,
      (r: { msBeforeNext: number }) => Math.ceil(r.msBeforeNext / 1000),
    );
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new AppError('rate_limited', t.contactRateLimited(wait));
    }
    await deps.mailer.send({
      to: cluster.contactEmail,
      replyTo: parsed.data.email,
      subject: t.contactSubject(cluster.name),
      text: `${parsed.data.name} <${parsed.data.email}>:\n\n${parsed.data.message}`,
    });
    return c.redirect(`${pageHref('cluster', lang, { slug: cluster.slug }, { sendt: '1' })}#kontakt`, 303);
  });

  onPage(app, 'GET', 'cluster', clusterPage);
}
