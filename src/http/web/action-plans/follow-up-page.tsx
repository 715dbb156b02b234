/** The follow-up on a plan, from the cluster's workspace and from the funders' side. */
import type { Hono } from 'hono';
import { planFollowUp } from '../../../domain/action-plans/follow-up.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { actionPlanMessages } from './messages.ts';
import { type Mode, PLAN_PAGE, planParams } from './plan-page.tsx';
import { FollowUpView } from './views/follow-up.tsx';

async function followUpPage(c: AppContext, mode: Mode) {
  const { slug, year } = planParams(c);
  const f = await planFollowUp(c.get('deps').db, callerOf(c), slug, year, c.get('deps').clock());
  const lang = c.get('lang');
  const t = actionPlanMessages(lang);
  const title = t.followUpTitle(f.cluster.name, year);
  const backHref = pageHref(PLAN_PAGE[mode], lang, { slug: f.cluster.slug, year: String(year) });
  return renderPage(c, title, () => (
    <FollowUpView f={f} t={t} lang={lang} title={title} backHref={backHref} />
  ));
}

export function registerFollowUpPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'actionPlanFollowUp', (c) => followUpPage(c, 'workspace'));
  onPage(app, 'GET', 'fundingActionPlanFollowUp', (c) => followUpPage(c, 'funding'));
}
