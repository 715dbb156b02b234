/**
 * The sparring's two posts: the support function comments on a plan (from the plan's funding
 * view) and the cluster marks a comment handled (from its workspace). The domain checks who may.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { addPlanComment, markCommentHandled } from '../../../domain/action-plans/comments.ts';
import { openPlan } from '../../../domain/action-plans/plans.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { onPage } from '../routes.ts';
import { planCommentMessages } from './comments.messages.ts';
import { planPage, planParams } from './plan-page.tsx';

const commentForm = z.object({
  section: z.string().default(''),
  body: z.string().default(''),
});

async function postComment(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { slug, year } = planParams(c);
  const { cluster } = await openPlan(deps.db, caller, slug, year, deps.clock());
  const parsed = commentForm.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new AppError('validation', 'Invalid comment form');
  const values = parsed.data;
  try {
    await addPlanComment(
      deps.db,
      caller,
      { clusterId: cluster.id, year },
      // The form's "whole plan" is the empty choice; anything else the domain checks.
      { section: (values.section || null) as 'goals' | null, body: values.body },
      deps.clock(),
    );
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') {
      const t = planCommentMessages(c.get('lang'));
      const errors: Record<string, string> = {};
      for (const issue of e.issues) errors[issue.field] ??= t.errors[issue.message] ?? t.errors.invalid ?? '';
      return planPage(c, 'funding', { comment: { values, errors }, status: 422 });
    }
    throw e;
  }
  const params = { slug: cluster.slug, year: String(year) };
  return c.redirect(pageHref('fundingActionPlan', c.get('lang'), params, { done: 'commented' }), 303);
}

async function postHandled(c: AppContext) {
  const deps = c.get('deps');
  const caller = callerOf(c);
  const { slug, year } = planParams(c);
  const { cluster } = await openPlan(deps.db, caller, slug, year, deps.clock());
  await markCommentHandled(
    deps.db,
    caller,
    { clusterId: cluster.id, year, id: c.req.param('id') ?? '' },
    deps.clock(),
  );
  const params = { slug: cluster.slug, year: String(year) };
  return c.redirect(pageHref('actionPlan', c.get('lang'), params, { done: 'handled' }), 303);
}

export function registerCommentPages(app: Hono<AppEnv>): void {
  onPage(app, 'POST', 'fundingActionPlanComments', postComment);
  onPage(app, 'POST', 'actionPlanCommentHandled', postHandled);
}
