import type { Hono } from 'hono';
import { z } from 'zod';
import { forbidden } from '../../../domain/errors.ts';
import { reportedYears } from '../../../domain/evaluation/benchmark.ts';
import type { DataQualityThresholds } from '../../../domain/evaluation/config.ts';
import {
  clustersOfYear,
  dataQuality,
  type QualityFlag,
  type QualityRow,
  qualityFlags,
} from '../../../domain/evaluation/quality.ts';
import { currentEvaluationConfig } from '../../../domain/evaluation/rules-store.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatNumber } from '../../i18n/index.ts';
import { href, type Lang, type PageKey } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { formatFigure } from './benchmarking.tsx';
import { type EvaluationMessages, evaluationMessages } from './messages.ts';

const yearQuery = z.object({ aar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

function flagText(f: QualityFlag, t: EvaluationMessages, lang: Lang): string {
  const q = t.quality.flag;
  const share = (n: number) => t.pct(n, lang).replace(/^\+/, '');
  switch (f.kind) {
    case 'no_activities':
      return q.no_activities;
    case 'not_submitted':
      return q.not_submitted(f.status ? t.statuses[f.status] : null);
    case 'outlier':
      return q.outlier(
        t.keys[f.outlier.key],
        formatFigure(f.outlier.previous, lang),
        formatFigure(f.outlier.current, lang),
        t.pct(f.outlier.change, lang),
      );
    case 'missing_municipality':
      return q.missing_municipality(share(f.share));
    case 'missing_industry':
      return q.missing_industry(share(f.share));
  }
}

function ShareCell({
  n,
  share,
  lang,
  t,
}: {
  n: number;
  share: number | null;
  lang: Lang;
  t: EvaluationMessages;
}) {
  return (
    <td>{share === null ? '–' : `${formatNumber(n, lang)} (${t.pct(share, lang).replace(/^\+/, '')})`}</td>
  );
}

function QualityTable({
  rows,
  year,
  t,
  lang,
  thresholds,
}: {
  rows: QualityRow[];
  year: number;
  t: EvaluationMessages;
  lang: Lang;
  thresholds: DataQualityThresholds;
}) {
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{t.quality.caption(year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.quality.activities}</th>
            <th scope="col">{t.quality.status}</th>
            <th scope="col">{t.quality.companies}</th>
            <th scope="col">{t.quality.withoutMunicipality}</th>
            <th scope="col">{t.quality.withoutIndustry}</th>
            <th scope="col">{t.quality.flags}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const flags = qualityFlags(r, thresholds);
            return (
              <tr>
                <th scope="row">{r.name}</th>
                <td>{formatNumber(r.activities, lang)}</td>
                <td>{r.periodStatus ? t.statuses[r.periodStatus] : t.quality.noStatus}</td>
                <td>{formatNumber(r.companies, lang)}</td>
                <ShareCell n={r.withoutMunicipality} share={r.withoutMunicipalityShare} lang={lang} t={t} />
                <ShareCell n={r.withoutIndustry} share={r.withoutIndustryShare} lang={lang} t={t} />
                <td>
                  {flags.length === 0 ? (
                    t.quality.ok
                  ) : (
                    <ul class="quality-flags">
                      {flags.map((f) => (
                        <li>
                          <strong>{t.quality.flags}:</strong> {flagText(f, t, lang)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One page type under two paths: cluster staff see their own clusters, funders the clusters
 * they fund in the year, admins all. Which clusters is the policy's call, cluster by cluster.
 */
function qualityPage(page: PageKey) {
  return async (c: AppContext) => {
    const user = authorize(c.get('user'), 'account.view');
    const db = c.get('deps').db;
    const lang = c.get('lang');
    const t = evaluationMessages(lang);
    const years = await reportedYears(db);
    const wanted = yearQuery.parse(c.req.query()).aar;
    const year =
      wanted !== undefined && (years.includes(wanted) || years.includes(wanted - 1)) ? wanted : years[0];
    const candidates = year === undefined ? [] : await clustersOfYear(db, year);
    const ids = candidates
      .filter((cl) => can(user, 'dataQuality.view', { organisationId: cl.clusterId, fundedBy: cl.fundedBy }))
      .map((cl) => cl.clusterId);
    // The funding area, or staff of a cluster whose data quality they may see; others are refused.
    const involved =
      can(user, 'funding.view') ||
      user.memberships.some((m) => can(user, 'dataQuality.view', { organisationId: m.organisationId }));
    if (!involved) throw forbidden('No clusters to check');
    const thresholds = (await currentEvaluationConfig(db)).dataQuality;
    const rows = year === undefined ? [] : await dataQuality(db, { year, clusterIds: ids }, thresholds);
    const yearChoices = years.length > 0 ? [(years[0] ?? 0) + 1, ...years] : [];
    return renderPage(c, t.quality.title, () => (
      <>
        <h1>{t.quality.title}</h1>
        <p class="font-lead">{t.quality.lead}</p>
        {year === undefined ? (
          <p>{t.noYears}</p>
        ) : (
          <>
            <form method="get" action={href(page, lang)}>
              <SelectField
                name="aar"
                label={t.year}
                value={String(year)}
                options={yearChoices.map((y) => ({ value: String(y), label: String(y) }))}
              />
              <button type="submit" class="button button-secondary">
                {t.show}
              </button>
            </form>
            <p>{t.quality.thresholds(thresholds.outlierChangePercent, thresholds.missingSharePercent)}</p>
            {rows.length === 0 ? (
              <p>{t.quality.noClusters}</p>
            ) : (
              <QualityTable rows={rows} year={year} t={t} lang={lang} thresholds={thresholds} />
            )}
          </>
        )}
      </>
    ));
  };
}

export function registerQualityPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'dataQuality', qualityPage('dataQuality'));
  onPage(app, 'GET', 'fundingDataQuality', qualityPage('fundingDataQuality'));
}
