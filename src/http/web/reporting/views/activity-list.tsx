import type { ActivityListItem } from '../../../../domain/reporting/activities/queries.ts';
import { ACTIVITY_CATEGORIES } from '../../../../domain/reporting/format/rows.ts';
import { formatDate, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Checkboxes, SelectField, TextField } from '../../../views/forms.tsx';
import { Pager } from '../../../views/pager.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { activityMessages } from '../activities.messages.ts';

/** The list page's filters as the user chose them (the text kept as typed). */
export interface ActivityListFilters {
  year: number | undefined;
  category: string | undefined;
  q: string;
  cluster: string;
  /** Only the activities that break the activity rule. */
  breaksRule: boolean;
}

/** The value of the list's `rule` parameter that keeps only the activities breaking the activity rule. */
export const BREAKS_RULE = 'broken';

export interface ActivityListView {
  items: ActivityListItem[];
  total: number;
  years: number[];
  clusters: { id: string; name: string }[];
  mayCreate: boolean;
  page: number;
  pages: number;
}

function Filters({ f, list, lang }: { f: ActivityListFilters; list: ActivityListView; lang: Lang }) {
  const t = activityMessages(lang);
  return (
    <form method="get" action={href('activities', lang)} class="filter-form" aria-label={t.filters}>
      <SelectField
        name="year"
        label={t.year}
        placeholder={t.allYears}
        value={f.year ? String(f.year) : ''}
        options={list.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <SelectField
        name="category"
        label={t.category}
        placeholder={t.allCategories}
        value={f.category ?? ''}
        options={ACTIVITY_CATEGORIES.map((k) => ({ value: k, label: t.categories[k] ?? k }))}
      />
      {list.clusters.length > 1 && (
        <SelectField
          name="cluster"
          label={t.cluster}
          placeholder={t.allClusters}
          value={f.cluster}
          options={list.clusters.map((x) => ({ value: x.id, label: x.name }))}
        />
      )}
      <TextField name="q" type="search" label={t.text} value={f.q} />
      <Checkboxes
        name="rule"
        legend={t.activityRule}
        hint={t.activityRuleHint}
        options={[{ value: BREAKS_RULE, label: t.onlyBreakingRule }]}
        checked={f.breaksRule ? [BREAKS_RULE] : []}
      />
      <div class="filter-actions">
        <button type="submit" class="button button-secondary">
          {t.show}
        </button>
      </div>
    </form>
  );
}

function ActivityTable({ list, lang }: { list: ActivityListView; lang: Lang }) {
  const t = activityMessages(lang);
  const showCluster = list.clusters.length > 1;
  return (
    <ScrollingTable label={t.listTitle}>
      <table class="table table--compact">
        <caption class="sr-only">{t.listTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.title}</th>
            <th scope="col">{t.activity_ref}</th>
            {showCluster && <th scope="col">{t.cluster}</th>}
            <th scope="col">{t.category}</th>
            <th scope="col">{t.period}</th>
            <th scope="col" class="text-align-right">
              {t.participantsCount}
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((a) => (
            <tr>
              <td>
                <a href={pageHref('activity', lang, { id: String(a.id) })}>{a.title}</a>
                {a.breaksActivityRule && (
                  <>
                    {' '}
                    <span class="badge badge-warning">{t.breaksRule}</span>
                  </>
                )}
              </td>
              <td>{a.activityRef}</td>
              {showCluster && <td>{a.clusterName}</td>}
              <td>{t.categories[a.category] ?? a.category}</td>
              <td>
                {a.endDate && a.endDate !== a.startDate
                  ? `${formatDate(a.startDate, lang)} – ${formatDate(a.endDate, lang)}`
                  : formatDate(a.startDate, lang)}
              </td>
              <td class="text-align-right">{formatNumber(a.participants, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Pagination({
  list,
  lang,
  link,
}: {
  list: ActivityListView;
  lang: Lang;
  link: (p: number) => string;
}) {
  const t = activityMessages(lang);
  return (
    <Pager
      page={list.page}
      pages={list.pages}
      link={link}
      status={t.pageOf(list.page, list.pages)}
      label={t.pagination}
      previous={t.previous}
      next={t.next}
    />
  );
}

/**
 * The workspace's activities: a link to create one (for those who may), filters, the table and
 * pages; `link` is the address of a page of the same list.
 */
export function ActivityList(p: {
  list: ActivityListView;
  filters: ActivityListFilters;
  link: (page: number) => string;
  lang: Lang;
  notice: unknown;
}) {
  const { list, filters: f, lang, link } = p;
  const t = activityMessages(lang);
  return (
    <>
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      {p.notice}
      {list.mayCreate && (
        <p>
          <a class="button button-primary" href={href('activityNew', lang)}>
            {t.newActivity}
          </a>{' '}
          <a href={href('deliveries', lang)}>{t.deliveriesLink}</a>
        </p>
      )}
      <Filters f={f} list={list} lang={lang} />
      <p role="status">{t.count(list.total)}</p>
      {list.items.length === 0 ? <p>{t.none}</p> : <ActivityTable list={list} lang={lang} />}
      <Pagination list={list} lang={lang} link={link} />
    </>
  );
}
