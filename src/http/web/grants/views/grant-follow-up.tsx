import type { FollowedGrant } from '../../../../domain/grants/follow-up.ts';
import type { GrantProgress } from '../../../../domain/grants/progress.ts';
import { formatNumber } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import { actionPlanMessages, PLAN_BADGE } from '../../action-plans/messages.ts';
import { periodMessages, STATUS_BADGE } from '../../reporting/periods.messages.ts';
import type { GrantFollowUpMessages } from '../follow-up.messages.ts';

/** Who gives whom how much for which year. */
export function GrantSummary({ grant, t }: { grant: FollowedGrant; t: GrantFollowUpMessages }) {
  return (
    <dl class="summary-list">
      <dt>{t.funder}</dt>
      <dd>{grant.funderName}</dd>
      <dt>{t.cluster}</dt>
      <dd>{grant.clusterName}</dd>
      <dt>{t.year}</dt>
      <dd>{grant.year}</dd>
      <dt>{t.amount}</dt>
      <dd>{t.kr(grant.amountDkk)}</dd>
    </dl>
  );
}

/** A link back to the grant's page. */
export const backToGrant = (grantId: string, lang: Lang, t: GrantFollowUpMessages) => (
  <p>
    <a href={pageHref('grantFollowUp', lang, { id: grantId })}>{t.back}</a>
  </p>
);

const REPORT_BADGE = {
  not_submitted: 'badge',
  submitted: 'badge badge-info',
  approved: 'badge badge-success',
};

/**
 * The progress report's table: each part of the cluster's year with its status and a link to the
 * page of the area that keeps it. The cluster's staff reach their reporting periods; funders the
 * year's review.
 */
export function ProgressTable(p: {
  progress: GrantProgress;
  t: GrantFollowUpMessages;
  lang: Lang;
  ownCluster: boolean;
}) {
  const { progress, t, lang } = p;
  const { grant } = progress;
  const plans = actionPlanMessages(lang);
  const periods = periodMessages(lang);
  const plan = { slug: grant.clusterSlug, year: String(grant.year) };
  const periodHref = p.ownCluster
    ? pageHref('workspacePeriods', lang, {})
    : pageHref('reportingReview', lang, { id: grant.clusterId, year: String(grant.year) });
  const rows = [
    {
      part: t.periodPart,
      status: (
        <span class={STATUS_BADGE[progress.periodStatus]}>{periods.status[progress.periodStatus]}</span>
      ),
      href: periodHref,
    },
    {
      part: t.planPart,
      status: progress.planStatus ? (
        <span class={PLAN_BADGE[progress.planStatus]}>{plans.status[progress.planStatus]}</span>
      ) : (
        <span class="badge">{plans.notStarted}</span>
      ),
      href: pageHref('actionPlan', lang, plan),
    },
    {
      part: t.planFollowUpPart,
      status: t.planFollowUpNote,
      href: pageHref('actionPlanFollowUp', lang, plan),
    },
    {
      part: t.reportPart,
      status: (
        <span class={REPORT_BADGE[progress.financialReport]}>{t.reportStatus[progress.financialReport]}</span>
      ),
      href: pageHref('grantFinancialReport', lang, { id: grant.id }),
    },
    {
      part: t.changesPart,
      status: formatNumber(progress.openChangeRequests, lang),
      href: pageHref('grantFollowUp', lang, { id: grant.id }),
    },
  ];
  return (
    <ScrollingTable label={t.progressCaption(grant.year)}>
      <table class="table table--compact">
        <caption>{t.progressCaption(grant.year)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.part}</th>
            <th scope="col">{t.statusLabel}</th>
            <th scope="col">
              <span class="sr-only">{t.open}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.part}</th>
              <td>{r.status}</td>
              <td>
                <a href={r.href}>
                  {t.open}
                  <span class="sr-only">: {r.part}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
