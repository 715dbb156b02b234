import { THEMES, themeText } from '../../../../domain/catalogue/themes.ts';
import type { Page } from '../../../../domain/content/queries.ts';
import type { ActivityFilter, ClusterActivity } from '../../../../domain/hubs/activities.ts';
import { REGIONS, regionName } from '../../../../domain/reference/geography.ts';
import { formatDateTime, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { SelectField } from '../../../views/forms.tsx';
import { Pager, queryOf } from '../../../views/pager.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { targetGroupOptions } from '../../content/events.tsx';
import { contentMessages } from '../../content/messages.ts';
import type { HubMessages } from '../messages.ts';

type Shared = { lang: Lang; t: HubMessages };

/** The query string of the filters (without the page), shared by the list and its feeds. */
export const filterQuery = (f: Pick<ActivityFilter, 'region' | 'theme' | 'audience'>) => queryOf(f, 1);

/** Where an activity takes place: its address and municipality, else the region or "online". */
function place(a: ClusterActivity, { lang, t }: Shared): string {
  const where = [a.location, a.municipalityName].filter(Boolean).join(', ');
  const region = a.regionCode === null ? '' : regionName(a.regionCode, lang);
  return [where, region].filter(Boolean).join(' · ') || (a.onlineUrl ? t.online : '–');
}

/** The clusters' upcoming activities in a table: when, what, which cluster, where, themes. */
export function ActivityTable(p: Shared & { items: readonly ClusterActivity[]; caption: string }) {
  const { t, lang } = p;
  return (
    <ScrollingTable label={p.caption}>
      <table class="table table--compact">
        <caption class="sr-only">{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.activitiesTitle}</th>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.place}</th>
            <th scope="col">{t.themes}</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((a) => (
            <tr>
              <td>
                <time datetime={a.startsAt.toISOString()}>{formatDateTime(a.startsAt, lang)}</time>
              </td>
              <td lang={a.lang === lang ? undefined : a.lang}>
                <a href={pageHref('event', lang, { slug: a.slug })}>{a.title}</a>
              </td>
              <td>
                <a href={pageHref('cluster', lang, { slug: a.clusterSlug })}>{a.clusterName}</a>
              </td>
              <td>{place(a, p)}</td>
              <td>{a.themes.map((key) => themeText(key, lang)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Filters({ f, lang, t }: Shared & { f: ActivityFilter }) {
  // The target groups are named as on the event form.
  const content = contentMessages(lang);
  const { events } = content;
  return (
    <form method="get" action={href('hubActivities', lang)} aria-label={t.filterLabel}>
      <SelectField
        name="region"
        label={t.region}
        placeholder={t.all}
        value={f.region === undefined ? undefined : String(f.region)}
        options={REGIONS.map((r) => ({ value: String(r.code), label: lang === 'en' ? r.nameEn : r.name }))}
      />
      <SelectField
        name="theme"
        label={t.theme}
        placeholder={t.all}
        value={f.theme}
        options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
      />
      <SelectField
        name="audience"
        label={events.targetGroups}
        placeholder={t.all}
        value={f.audience}
        options={targetGroupOptions(content)}
      />
      <button type="submit" class="button button-secondary">
        {t.filter}
      </button>
    </form>
  );
}

/** Every cluster's upcoming activities: the filters, one page of the list and the feeds of the filter. */
export function ActivityListView(
  p: Shared & { f: ActivityFilter; list: Page<ClusterActivity>; feeds: { ical: string; rss: string } },
) {
  const { f, list, lang, t } = p;
  return (
    <>
      <h1>{t.activitiesTitle}</h1>
      <p class="font-lead">{t.activitiesLead}</p>
      <Filters f={f} lang={lang} t={t} />
      <p>
        <strong>{t.subscribe}:</strong>{' '}
        <a href={p.feeds.ical} type="text/calendar">
          {t.ical}
        </a>{' '}
        ·{' '}
        <a href={p.feeds.rss} type="application/rss+xml">
          {t.rss}
        </a>
      </p>
      <section aria-labelledby="activities-heading" class="mt-7">
        <h2 id="activities-heading" role="status">
          {list.total > 0 ? t.found(formatNumber(list.total, lang)) : t.none}
        </h2>
        {list.items.length > 0 && (
          <ActivityTable items={list.items} caption={t.activitiesTitle} lang={lang} t={t} />
        )}
        <Pager
          page={list.page}
          pages={list.pages}
          link={(page) => href('hubActivities', lang, queryOf(f, page))}
          status={t.page(list.page, list.pages)}
          label={t.pagination}
          previous={t.previous}
          next={t.next}
        />
      </section>
    </>
  );
}
