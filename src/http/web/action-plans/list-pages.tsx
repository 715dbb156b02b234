/** The lists of plans: a cluster's own plan years, and the funders' overview of a year. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { plansOverview } from '../../../domain/action-plans/overview.ts';
import { ownPlanYears } from '../../../domain/action-plans/plans.ts';
import { currentReportingYear, MIN_YEAR } from '../../../domain/reporting/periods/years.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { actionPlanMessages } from './messages.ts';
import { ClusterPlanYearsTable, OverviewView } from './views/plan-lists.tsx';

async function ownPlansPage(c: AppContext) {
  const deps = c.get('deps');
  const now = deps.clock();
  const clusters = await ownPlanYears(deps.db, callerOf(c), now);
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  return renderPage(c, t.listTitle, () => (
    <>
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      {clusters.map((own) => (
        <ClusterPlanYearsTable own={own} currentYear={currentReportingYear(now)} t={t} lang={lang} />
      ))}
    </>
  ));
}

const yearQuery = z.coerce.number().int().min(MIN_YEAR).max(9999).optional().catch(undefined);

async function fundersOverviewPage(c: AppContext) {
  const deps = c.get('deps');
  const year = yearQuery.parse(c.req.query('year') || undefined);
  const overview = await plansOverview(deps.db, callerOf(c), year, deps.clock());
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  return renderPage(c, t.overviewTitle, () => <OverviewView overview={overview} t={t} lang={lang} />);
}

export function registerPlanListPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'actionPlans', ownPlansPage);
  onPage(app, 'GET', 'fundingActionPlans', fundersOverviewPage);
}
