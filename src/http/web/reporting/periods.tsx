import type { Hono } from 'hono';
import { z } from 'zod';
import { AppError, notFound } from '../../../domain/errors.ts';
import { copenhagenDate } from '../../../domain/reference/time.ts';
import { COMMENT_MAX, changePeriod } from '../../../domain/reporting/periods/commands.ts';
import { historyKey } from '../../../domain/reporting/periods/history.ts';
import { announcePeriodChange } from '../../../domain/reporting/periods/mail.ts';
import { periodStatusOverview, periodWorkspace } from '../../../domain/reporting/periods/overview.ts';
import { periodReview } from '../../../domain/reporting/periods/review.ts';
import { PERIOD_ACTIONS, type PeriodAction } from '../../../domain/reporting/periods/transitions.ts';
import { currentReportingYear } from '../../../domain/reporting/periods/years.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { type PeriodMessages, periodMessages } from './periods.messages.ts';
import { reviewMessages } from './review.messages.ts';
import type { PeriodProblem } from './views/period-forms.tsx';
import { PeriodReviewPage } from './views/period-review.tsx';
import { StatusOverviewPage } from './views/period-status.tsx';
import { WorkspacePeriodsPage } from './views/period-workspace.tsx';

/**
 * Reporting periods: cluster staff submit their years in the workspace; funders, support staff and
 * admins follow every cluster they may on the status page, and decide there. Who sees and may
 * change what is the domain's (periods/overview.ts, periods/commands.ts).
 */
type Page = 'workspacePeriods' | 'reportingStatus';

const periodForm = z.object({
  clusterId: z.uuid(),
  year: z.coerce.number().int(),
  action: z.enum(PERIOD_ACTIONS),
  comment: z
    .string()
    .max(COMMENT_MAX * 2)
    .optional(),
  confirmNoActivities: z.literal('1').optional(),
  noActivitiesReason: z
    .string()
    .max(COMMENT_MAX * 2)
    .optional(),
});

function issueMessage(issue: string | undefined, t: PeriodMessages): string {
  if (issue === 'required') return t.commentRequired;
  if (issue === 'tooLong') return t.commentTooLong;
  if (issue === 'futureYear') return t.futureYear;
  if (issue === 'confirmRequired') return t.confirmRequired;
  if (issue === 'reasonRequired') return t.reasonRequired;
  return t.invalid;
}

const EMPTY_YEAR_FIELDS = new Set(['confirmNoActivities', 'noActivitiesReason']);

/** The refusal as the page shows it: one message, and the empty-year fields in error beside them. */
function problemOf(e: AppError, t: PeriodMessages): Pick<PeriodProblem, 'message' | 'fieldErrors'> {
  if (e.code === 'conflict') return { message: t.conflict };
  const fieldIssues = e.issues.filter((i) => EMPTY_YEAR_FIELDS.has(i.field));
  return {
    message: issueMessage(e.issues[0]?.message, t),
    fieldErrors:
      fieldIssues.length > 0
        ? Object.fromEntries(fieldIssues.map((i) => [i.field, issueMessage(i.message, t)]))
        : undefined,
  };
}

/**
 * Runs a posted change. Success: a redirect back to the page; a refusal the user can act on
 * (missing comment, stale status): the page again with the message at the period, 422 or 409.
 */
async function postChange(
  c: AppContext,
  page: Page,
  render: (problem: PeriodProblem, status: 409 | 422) => Promise<Response>,
) {
  const caller = callerOf(c);
  const t = periodMessages(c.get('lang'));
  const parsed = periodForm.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new AppError('validation', 'Invalid period form');
  const { clusterId, year, action } = parsed.data;
  const comment = parsed.data.comment ?? '';
  const noActivitiesReason = parsed.data.noActivitiesReason ?? '';
  const confirmNoActivities = parsed.data.confirmNoActivities === '1';
  const deps = c.get('deps');
  try {
    await changePeriod(
      deps.db,
      caller,
      { clusterId, year, action, comment, confirmNoActivities, noActivitiesReason },
      deps.clock(),
    );
  } catch (e) {
    if (e instanceof AppError && (e.code === 'validation' || e.code === 'conflict'))
      return render(
        { key: historyKey(clusterId, year), action, comment, noActivitiesReason, ...problemOf(e, t) },
        e.code === 'conflict' ? 409 : 422,
      );
    throw e;
  }
  const site = deps.config.publicUrl.replace(/\/$/, '');
  await announcePeriodChange(
    deps,
    { clusterId, year, action, comment: comment || null },
    {
      funders: (lang) => `${site}${href('reportingStatus', lang, { year: String(year) })}`,
      cluster: (lang) => `${site}${href('workspacePeriods', lang)}`,
    },
  );
  const query: Record<string, string> = { done: action };
  if (page === 'reportingStatus') query.year = String(year);
  return c.redirect(`${href(page, c.get('lang'), query)}#p-${clusterId}-${year}`, 303);
}

const doneOf = (c: AppContext): PeriodAction | undefined =>
  PERIOD_ACTIONS.find((a) => a === c.req.query('done'));

async function workspacePeriods(c: AppContext, problem?: PeriodProblem, status: 200 | 409 | 422 = 200) {
  const deps = c.get('deps');
  const now = deps.clock();
  const { clusters, histories } = await periodWorkspace(
    deps.db,
    callerOf(c),
    currentReportingYear(now),
    copenhagenDate(now),
  );
  return renderPage(
    c,
    periodMessages(c.get('lang')).workspaceTitle,
    ({ lang, csrfToken }) => (
      <WorkspacePeriodsPage
        clusters={clusters}
        histories={histories}
        done={doneOf(c)}
        problem={problem}
        lang={lang}
        csrf={csrfToken}
      />
    ),
    status,
  );
}

const yearParam = z.coerce.number().int().min(1900).max(9999).optional().catch(undefined);

async function statusPage(c: AppContext, problem?: PeriodProblem, status: 200 | 409 | 422 = 200) {
  const deps = c.get('deps');
  const year = problem
    ? Number(problem.key.split('/')[1])
    : yearParam.parse(c.req.query('year') || undefined);
  const now = deps.clock();
  const overview = await periodStatusOverview(deps.db, callerOf(c), {
    currentYear: currentReportingYear(now),
    today: copenhagenDate(now),
    year,
  });
  return renderPage(
    c,
    periodMessages(c.get('lang')).statusTitle,
    ({ lang, csrfToken }) => (
      <StatusOverviewPage
        {...overview.matrix}
        completeness={overview.completeness}
        managesDeadlines={overview.managesDeadlines}
        histories={overview.histories}
        year={year}
        mayDecide={overview.mayDecide}
        followsActionPlans={overview.followsActionPlans}
        done={doneOf(c)}
        problem={problem}
        lang={lang}
        csrf={csrfToken}
      />
    ),
    status,
  );
}

const reviewParams = z.object({ id: z.string(), year: z.coerce.number().int().min(1900).max(9999) });

async function reviewPage(c: AppContext) {
  const parsed = reviewParams.safeParse({ id: c.req.param('id'), year: c.req.param('year') });
  if (!parsed.success) throw notFound('reporting year');
  const deps = c.get('deps');
  const now = deps.clock();
  const review = await periodReview(deps.db, callerOf(c), {
    clusterId: parsed.data.id,
    year: parsed.data.year,
    currentYear: currentReportingYear(now),
    today: copenhagenDate(now),
  });
  return renderPage(
    c,
    reviewMessages(c.get('lang')).title(review.cluster.name, parsed.data.year),
    ({ lang, csrfToken }) => (
      <PeriodReviewPage review={review} problem={undefined} lang={lang} csrf={csrfToken} />
    ),
  );
}

export function registerPeriodPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'reportingReview', reviewPage);
  onPage(app, 'GET', 'workspacePeriods', (c) => workspacePeriods(c));
  onPage(app, 'POST', 'workspacePeriods', (c) =>
    postChange(c, 'workspacePeriods', (problem, status) => workspacePeriods(c, problem, status)),
  );
  onPage(app, 'GET', 'reportingStatus', (c) => statusPage(c));
  onPage(app, 'POST', 'reportingStatus', (c) =>
    postChange(c, 'reportingStatus', (problem, status) => statusPage(c, problem, status)),
  );
}
