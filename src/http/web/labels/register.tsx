import type { Hono } from 'hono';
import { labelPermissions } from '../../../domain/labels/policy.ts';
import {
  type ExpiringLabel,
  expiringLabelsFor,
  type LabelCounts,
  labelCounts,
  labelRegions,
  labelRegister,
  type RegionOption,
  type RegisterRow,
} from '../../../domain/labels/queries.ts';
import {
  LABEL_LEVELS,
  LABEL_STATUSES,
  type LabelStatus,
  type RegisterFilterQuery,
  registerFilterQuery,
} from '../../../domain/labels/schemas.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';
import { type LabelMessages, labelMessages } from './messages.ts';

const STATUS_BADGE: Record<LabelStatus, string> = {
  valid: 'badge badge-success',
  expiring: 'badge badge-warning',
  expired: 'badge badge-error',
};

export interface View {
  t: LabelMessages;
  lang: Lang;
}

function ClusterLink({ v, row }: { v: View; row: ExpiringLabel }) {
  return <a href={pageHref('cluster', v.lang, { slug: row.clusterSlug })}>{row.clusterName}</a>;
}

function LabelTable({
  v,
  rows,
  caption,
}: {
  v: View;
  rows: (ExpiringLabel & { status?: RegisterRow['status'] })[];
  caption: string;
}) {
  const { t, lang } = v;
  // The flags list only labels about to expire; their status would say the same on every row.
  const withStatus = rows.some((r) => r.status !== undefined);
  return (
    <ScrollingTable label={caption}>
      <table class="table table--zebra">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.level}</th>
            <th scope="col">{t.awardedOn}</th>
            <th scope="col">{t.validUntil}</th>
            <th scope="col">{t.assessingBody}</th>
            {withStatus && <th scope="col">{t.status}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <ClusterLink v={v} row={row} />
              </th>
              <td>{t.levels[row.level]}</td>
              <td>{formatDate(row.awardedOn, lang)}</td>
              <td>{formatDate(row.validUntil, lang)}</td>
              <td>{row.assessingBody}</td>
              {row.status && (
                <td>
                  <span class={STATUS_BADGE[row.status]}>{t.statuses[row.status]}</span>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function ExpiringFlags({ v, rows, own }: { v: View; rows: ExpiringLabel[]; own: boolean }) {
  const { t } = v;
  return (
    <section aria-labelledby="expiring-heading" class="mt-7">
      <h2 id="expiring-heading">{t.expiringHeading}</h2>
      <p>{own ? t.expiringIntroOwn : t.expiringIntroSupport}</p>
      {rows.length === 0 ? (
        <p>{t.expiringNone}</p>
      ) : (
        <LabelTable v={v} rows={rows} caption={t.expiringCaption} />
      )}
    </section>
  );
}

function Summary({ v, counts }: { v: View; counts: LabelCounts }) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t.summaryHeading}</h2>
      <ul class="key-figures">
        {(['gold', 'silver', 'bronze'] as const).map((level) => (
          <li>
            <span class="key-figure-value">{formatNumber(counts[level], lang)}</span>
            {t.summaryText(counts[level], t.levels[level])}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RegisterFilters({
  v,
  filter,
  regions,
}: {
  v: View;
  filter: RegisterFilterQuery;
  regions: RegionOption[];
}) {
  const { t, lang } = v;
  const filtered = filter.level || filter.status || filter.region !== undefined;
  return (
    <form method="get" action={href('labels', lang)} aria-labelledby="filter-heading" class="mt-7">
      <h2 id="filter-heading">{t.filterHeading}</h2>
      <div class="row">
        <div class="col-12 col-md-4">
          <SelectField
            name="level"
            label={t.level}
            placeholder={t.all}
            value={filter.level}
            options={[...LABEL_LEVELS].reverse().map((l) => ({ value: l, label: t.levels[l] }))}
          />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            name="status"
            label={t.status}
            placeholder={t.all}
            value={filter.status}
            options={LABEL_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
          />
        </div>
        <div class="col-12 col-md-4">
          <SelectField
            name="region"
            label={t.region}
            placeholder={t.all}
            value={filter.region?.toString()}
            options={regions.map((r) => ({
              value: String(r.code),
              label: lang === 'da' ? r.name : r.nameEn,
            }))}
          />
        </div>
      </div>
      <button type="submit" class="button button-secondary">
        {t.filter}
      </button>
      {filtered && (
        <a href={href('labels', lang)} class="ml-5">
          {t.resetFilter}
        </a>
      )}
    </form>
  );
}

async function registerPage(c: AppContext) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const lang = c.get('lang');
  const v: View = { t: labelMessages(lang), lang };
  const day = today(c);
  const filter = registerFilterQuery.parse(c.req.query());
  const [rows, counts, regions, expiring] = await Promise.all([
    labelRegister(db, { ...filter, today: day }),
    labelCounts(db, day),
    labelRegions(db),
    expiringLabelsFor(db, user, day),
  ]);
  const { t } = v;
  return renderPage(c, t.title, () => (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      <Summary v={v} counts={counts} />
      {expiring && <ExpiringFlags v={v} rows={expiring.rows} own={expiring.scope === 'own'} />}
      {labelPermissions(user).importLabels && (
        <p class="mt-5">
          <a href={href('labelImport', lang)}>{t.importLink}</a>
        </p>
      )}
      <RegisterFilters v={v} filter={filter} regions={regions} />
      <p role="status" class="mt-5">
        {t.count(rows.length)}
      </p>
      {rows.length === 0 ? <p>{t.empty}</p> : <LabelTable v={v} rows={rows} caption={t.caption} />}
    </>
  ));
}

/** The public label register, with the follow-up of expiring labels for those who do it. */
export function registerLabelRegisterPage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'labels', registerPage);
}
