import type { FundingPlanView } from '../../../../domain/coordination/funding-plan-queries.ts';
import { commentsOpen } from '../../../../domain/coordination/policy.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import { formatDate } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import { type CoordinationMessages, dkk, themeText } from '../messages.ts';

/** The plan's status as people read it: an open plan says whether comments are still taken. */
export function statusText(plan: FundingPlanView, now: Date, t: CoordinationMessages): string {
  const s = t.fundingPlans.statuses;
  if (plan.status !== 'planned') return s[plan.status];
  return commentsOpen(plan, now) ? s.planned : s.plannedClosed;
}

export const regionsText = (plan: FundingPlanView, lang: Lang) =>
  plan.regionCodes.map((r) => regionName(r, lang)).join(', ');

function FundingPlanTable({
  plans,
  now,
  lang,
  t,
}: {
  plans: FundingPlanView[];
  now: Date;
  lang: Lang;
  t: CoordinationMessages;
}) {
  const tp = t.fundingPlans;
  return (
    <ScrollingTable label={tp.caption}>
      <table class="table table--compact">
        <caption>{tp.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tp.plan}</th>
            <th scope="col">{tp.owner}</th>
            <th scope="col">{tp.theme}</th>
            <th scope="col">{tp.regions}</th>
            <th scope="col">{tp.budget}</th>
            <th scope="col">{tp.decisionDate}</th>
            <th scope="col">{tp.status}</th>
            <th scope="col">{tp.comments}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr>
              <th scope="row">
                <a href={pageHref('fundingPlan', lang, { id: p.id })}>{p.title}</a>
              </th>
              <td>{p.funderName}</td>
              <td>{themeText(p.theme, lang)}</td>
              <td>{regionsText(p, lang)}</td>
              <td class="results-number">{dkk(p.budgetDkk, lang, t)}</td>
              <td>{formatDate(p.decisionDate, lang)}</td>
              <td>{statusText(p, now, t)}</td>
              <td class="results-number">{p.comments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** Every funding plan, with the button to record one for those who may. */
export function FundingPlanListView(p: {
  plans: FundingPlanView[];
  mayPropose: boolean;
  now: Date;
  lang: Lang;
  t: CoordinationMessages;
}) {
  const tp = p.t.fundingPlans;
  return (
    <>
      <h1>{tp.title}</h1>
      <p class="font-lead">{tp.lead}</p>
      {p.mayPropose && (
        <p>
          <a class="button button-primary" href={href('fundingPlanNew', p.lang)}>
            {tp.new}
          </a>
        </p>
      )}
      {p.plans.length === 0 ? (
        <p>{tp.none}</p>
      ) : (
        <FundingPlanTable plans={p.plans} now={p.now} lang={p.lang} t={p.t} />
      )}
      <p>
        <a href={href('coordination', p.lang)}>{p.t.back}</a>
      </p>
    </>
  );
}
