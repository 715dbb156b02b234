import type { Hono } from 'hono';
import { clusterPermissions } from '../../../domain/catalogue/policy.ts';
import {
  PROFILE_ACTIVITY_YEARS,
  type PublicClusterProfile,
  publicClusterProfile,
} from '../../../domain/catalogue/queries.ts';
import { servicesOfCluster } from '../../../domain/cluster-services/queries.ts';
import { notFound } from '../../../domain/errors.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/index.ts';
import { type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { clusterServiceMessages } from '../cluster-services/messages.ts';
import { PublicServices } from '../cluster-services/views.tsx';
import { activityMessages } from '../reporting/activities.messages.ts';
import { onPage } from '../routes.ts';
import { catalogueMessages } from './messages.ts';
import { ClusterFacts, Description, LabelTag, QualificationTable } from './views/cluster-profile.tsx';
import { ContactForm } from './views/contact-form.tsx';

/** The name, summary and status of a cluster, with the edit link for those who may edit it. */
function ClusterHeading({ p, lang, mayEdit }: { p: PublicClusterProfile; lang: Lang; mayEdit: boolean }) {
  const { cluster } = p;
  const t = catalogueMessages(lang);
  return (
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
    </>
  );
}

/** The description, the activity figures, the upcoming events and the success stories. */
function ClusterStory({ p, lang }: { p: PublicClusterProfile; lang: Lang }) {
  const { cluster, events, stories } = p;
  const t = catalogueMessages(lang);
  return (
    <>
      <Description
        text={lang === 'da' ? cluster.descriptionDa : cluster.descriptionEn || cluster.descriptionDa}
      />
      <h2>{t.activitiesHeading(PROFILE_ACTIVITY_YEARS.from, PROFILE_ACTIVITY_YEARS.to)}</h2>
      <ActivityTable rows={p.activities} lang={lang} />
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
    </>
  );
}

async function clusterPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const p = await publicClusterProfile(db, c.req.param('slug') ?? '', { today: today(c), now: clock() });
  if (!p) throw notFound('cluster');
  const { cluster } = p;
  const services = await servicesOfCluster(db, cluster.organisationId);
  const may = clusterPermissions(c.get('user'), cluster.organisationId);
  const sent = c.req.query('sendt') === '1';
  return renderPage(c, cluster.name, ({ lang, m, csrfToken }) => {
    const t = catalogueMessages(lang);
    return (
      <>
        <ClusterHeading p={p} lang={lang} mayEdit={may.editProfile} />
        <div class="row">
          <div class="col-12 col-lg-7">
            <ClusterStory p={p} lang={lang} />
            <PublicServices services={services} lang={lang} t={clusterServiceMessages(lang)} />
          </div>
          <div class="col-12 col-lg-5">
            <ClusterFacts c={cluster} t={t} lang={lang} />
          </div>
        </div>
        <h2>{t.qualificationHeading}</h2>
        <QualificationTable q={p.qualification} t={t} lang={lang} />
        <h2>{t.labelHeading}</h2>
        <LabelHistoryTable rows={p.labels} lang={lang} />
        <h2>{t.fundingHeading}</h2>
        <FundingTable rows={p.funding} lang={lang} />
        <ContactForm
          lang={lang}
          m={m}
          csrf={csrfToken}
          slug={cluster.slug}
          hasEmail={Boolean(cluster.contactEmail)}
          sent={sent}
        />
      </>
    );
  });
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
            <td>{activityMessages(lang).categories[r.category] ?? r.category}</td>
            <td class="text-align-right">{formatNumber(r.activities, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
    <ScrollingTable label={t.fundingHeading}>
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
    </ScrollingTable>
  );
}

/** A cluster's public page: profile, qualification, labels, funding, activities and contact form. */
export function registerClusterPage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'cluster', clusterPage);
}
