import type { Hono } from 'hono';
import { z } from 'zod';
import type { CurrentUser } from '../../../domain/accounts/queries.ts';
import { AppError } from '../../../domain/errors.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import type { DeliveryError } from '../../../domain/reporting/format/errors.ts';
import { periodChangeMails } from '../../../domain/reporting/periods/mail.ts';
import { clusterPeriods, type PeriodCell, periodMatrix } from '../../../domain/reporting/periods/overview.ts';
import {
  availableActions,
  COMMENT_MAX,
  changePeriod,
  currentReportingYear,
  historyKey,
  PERIOD_ACTIONS,
  type PeriodAction,
  type PeriodEvent,
  type PeriodStatus,
  periodHistories,
} from '../../../domain/reporting/periods/transitions.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime, formatNumber } from '../../i18n/index.ts';
import { href, type Lang } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { StatusHistory } from '../../views/history.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { actionPlanMessages } from '../action-plans/messages.ts';
import { onPage } from '../routes.ts';
import { type PeriodMessages, periodMessages, STATUS_BADGE } from './periods.messages.ts';

/** A failed change, shown at the period it was about. */
interface FormProblem {
  key: string;
  action: PeriodAction;
  comment: string;
  message: string;
}

const periodForm = z.object({
  clusterId: z.uuid(),
  year: z.coerce.number().int(),
  action: z.enum(PERIOD_ACTIONS),
  comment: z
    .string()
    .max(COMMENT_MAX * 2)
    .optional(),
});

export function StatusBadge({ status, t }: { status: PeriodStatus; t: PeriodMessages }) {
  return <span class={STATUS_BADGE[status]}>{t.status[status]}</span>;
}

function History({ events, t, lang }: { events: PeriodEvent[]; t: PeriodMessages; lang: Lang }) {
  const items = events.map((e) => ({ ...e, change: t.historyLine(t.status[e.from], t.status[e.to]) }));
  return <StatusHistory heading={t.history} empty={t.noHistory} by={t.by} items={items} lang={lang} />;
}

/** A textarea for a comment, with its error in DKFDS style. */
function CommentField(p: { id: string; label: string; value: string; error?: string | undefined }) {
  return (
    <div class={p.error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={p.id}>
        {p.label}
      </label>
      {p.error && (
        <span class="form-error-message" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
      <textarea
        class="form-input"
        id={p.id}
        name="comment"
        rows={2}
        maxlength={COMMENT_MAX}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${p.id}-error` : undefined}
      >
        {p.value}
      </textarea>
    </div>
  );
}

function ActionForm(p: {
  page: 'workspacePeriods' | 'reportingStatus';
  lang: Lang;
  csrf: string;
  cell: PeriodCell;
  action: PeriodAction;
  t: PeriodMessages;
  label: string;
  commentLabel?: string;
  problem: FormProblem | undefined;
}) {
  const key = historyKey(p.cell.clusterId, p.cell.year);
  const mine = p.problem?.key === key && p.problem.action === p.action ? p.problem : undefined;
  const id = `comment-${p.action}-${p.cell.clusterId}-${p.cell.year}`;
  return (
    <form method="post" action={href(p.page, p.lang)} class="period-action">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="clusterId" value={p.cell.clusterId} />
      <input type="hidden" name="year" value={String(p.cell.year)} />
      <input type="hidden" name="action" value={p.action} />
      {mine && !p.commentLabel && <p class="form-error-message">{mine.message}</p>}
      {p.commentLabel && (
        <CommentField id={id} label={p.commentLabel} value={mine?.comment ?? ''} error={mine?.message} />
      )}
      <button
        type="submit"
        class={p.action === 'submit' ? 'button button-primary' : 'button button-secondary'}
      >
        {p.label}
      </button>
    </form>
  );
}

function problemMessage(e: AppError, t: PeriodMessages): string {
  if (e.code === 'conflict') return t.conflict;
  const issue = e.issues[0]?.message;
  if (issue === 'required') return t.commentRequired;
  if (issue === 'tooLong') return t.commentTooLong;
  if (issue === 'futureYear') return t.futureYear;
  return t.invalid;
}

/**
 * Runs a posted change. Success: a redirect back to the page; a refusal the user can act on
 * (missing comment, stale status): the page again with the message at the period, 422 or 409.
 */
async function postChange(
  c: AppContext,
  page: 'workspacePeriods' | 'reportingStatus',
  render: (problem: FormProblem, status: 409 | 422) => Promise<Response>,
) {
  const user = authorize(c.get('user'), 'account.view');
  const t = periodMessages(c.get('lang'));
  const body = await c.req.parseBody();
  const parsed = periodForm.safeParse(body);
  if (!parsed.success) throw new AppError('validation', 'Invalid period form');
  const { clusterId, year, action } = parsed.data;
  const comment = parsed.data.comment ?? '';
  const deps = c.get('deps');
  try {
    await changePeriod(
      deps.db,
      user,
      { userId: user.userId, label: user.email, requestId: c.get('requestId') },
      { clusterId, year, action, comment },
      deps.clock(),
    );
  } catch (e) {
    if (e instanceof AppError && (e.code === 'validation' || e.code === 'conflict'))
      return render(
        { key: historyKey(clusterId, year), action, comment, message: problemMessage(e, t) },
        e.code === 'conflict' ? 409 : 422,
      );
    throw e;
  }
  // The change is committed; a mail that cannot be sent is logged, not shown as a failed change.
  const site = deps.config.publicUrl.replace(/\/$/, '');
  try {
    const mails = await periodChangeMails(
      deps.db,
      { clusterId, year, action, comment: comment || null },
      {
        funders: (lang) => `${site}${href('reportingStatus', lang, { year: String(year) })}`,
        cluster: (lang) => `${site}${href('workspacePeriods', lang)}`,
      },
    );
    for (const mail of mails) await deps.mailer.send(mail);
  } catch (err) {
    deps.logger.error({ err, clusterId, year, action }, 'reporting period e-mail not sent');
  }
  const query: Record<string, string> = { done: action };
  if (page === 'reportingStatus') query.year = String(year);
  return c.redirect(`${href(page, c.get('lang'), query)}#p-${clusterId}-${year}`, 303);
}

const doneOf = (c: AppContext): PeriodAction | undefined =>
  PERIOD_ACTIONS.find((a) => a === c.req.query('done'));

// ---------------------------------------------------------------- cluster workspace

async function workspacePeriods(c: AppContext, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const user = authorize(c.get('user'), 'account.view');
  const lang = c.get('lang');
  const t = periodMessages(lang);
  const deps = c.get('deps');
  const own = user.memberships.filter(
    (m) =>
      m.organisationKind === 'cluster_organisation' &&
      can(user, 'reportingPeriods.submit', { organisationId: m.organisationId }),
  );
  if (own.length === 0) throw new AppError('forbidden', 'Not cluster staff');
  const currentYear = currentReportingYear(deps.clock());
  const clusters = await Promise.all(
    own.map(async (m) => ({ m, cells: await clusterPeriods(deps.db, m.organisationId, currentYear) })),
  );
  const histories = await periodHistories(
    deps.db,
    clusters.flatMap((x) => x.cells),
  );
  const done = doneOf(c);
  return renderPage(
    c,
    t.workspaceTitle,
    ({ csrfToken }) => (
      <>
        <h1>{t.workspaceTitle}</h1>
        <p class="font-lead">{t.workspaceIntro}</p>
        {done && <Alert variant="success">{t.done[done]}</Alert>}
        {problem && <Alert variant="error">{problem.message}</Alert>}
        {clusters.map(({ m, cells }) => (
          <section aria-labelledby={`cluster-${m.organisationId}`}>
            <h2 id={`cluster-${m.organisationId}`}>{m.organisationName}</h2>
            {cells.map((cell) => {
              const actions = availableActions(user, cell.status, cell);
              const headingId = `p-${cell.clusterId}-${cell.year}`;
              return (
                <section aria-labelledby={headingId} class="period">
                  <h3 id={headingId}>
                    {t.yearHeading(cell.year)} <StatusBadge status={cell.status} t={t} />
                  </h3>
                  {cell.comment && (cell.status === 'returned' || cell.status === 'open') && (
                    <div class="alert alert-warning">
                      <div class="alert-body">
                        <p class="alert-heading">
                          {cell.status === 'returned' ? t.returnedHeading : t.reopenedHeading}
                        </p>
                        <p class="alert-text">{cell.comment}</p>
                      </div>
                    </div>
                  )}
                  <dl class="period-facts">
                    <dt>{t.activities}</dt>
                    <dd>{formatNumber(cell.activities, lang)}</dd>
                    <dt>{t.participants}</dt>
                    <dd>{formatNumber(cell.participants, lang)}</dd>
                    {cell.updatedAt && (
                      <>
                        <dt>{t.lastChange}</dt>
                        <dd>{formatDateTime(cell.updatedAt, lang)}</dd>
                      </>
                    )}
                  </dl>
                  {(cell.status === 'approved' || cell.status === 'locked') && <p>{t.closedNote}</p>}
                  {actions.includes('submit') && (
                    <ActionForm
                      page="workspacePeriods"
                      lang={lang}
                      csrf={csrfToken}
                      cell={cell}
                      action="submit"
                      t={t}
                      label={t.submit(cell.year)}
                      commentLabel={t.submitNote}
                      problem={problem}
                    />
                  )}
                  <History
                    events={histories.get(historyKey(cell.clusterId, cell.year)) ?? []}
                    t={t}
                    lang={lang}
                  />
                </section>
              );
            })}
          </section>
        ))}
      </>
    ),
    status,
  );
}

// ---------------------------------------------------------------- funders' status page

/** The funder organisations whose clusters the user follows; null = every cluster (admins, support staff). */
function followedFunders(user: CurrentUser): string[] | null {
  if (user.memberships.some((m) => m.role === 'admin' || m.role === 'support_staff')) return null;
  return user.memberships.filter((m) => m.role === 'funder').map((m) => m.organisationId);
}

const yearParam = z.coerce.number().int().min(1900).max(9999).optional().catch(undefined);

async function statusPage(c: AppContext, problem?: FormProblem, status: 200 | 409 | 422 = 200) {
  const user = authorize(c.get('user'), 'reportingPeriods.overview');
  const lang = c.get('lang');
  const t = periodMessages(lang);
  const deps = c.get('deps');
  const currentYear = currentReportingYear(deps.clock());
  const year = problem
    ? Number(problem.key.split('/')[1])
    : yearParam.parse(c.req.query('year') || undefined);
  const all = await periodMatrix(deps.db, { fundedBy: followedFunders(user), currentYear });
  const decides = (cell: PeriodCell) => availableActions(user, cell.status, cell);
  const mayDecideAny = can(user, 'reportingPeriods.decide', {
    fundedBy: user.memberships.map((m) => m.organisationId),
  });
  const shown =
    year === undefined ? [] : all.rows.map((r) => ({ ...r, cell: r.cells.find((x) => x.year === year) }));
  const histories =
    year === undefined
      ? new Map<string, PeriodEvent[]>()
      : await periodHistories(
          deps.db,
          shown.flatMap((r) => (r.cell ? [r.cell] : [])),
        );
  const done = doneOf(c);
  const summary = year === undefined ? all.summary : all.summary.filter((s) => s.year === year);
  return renderPage(
    c,
    t.statusTitle,
    ({ csrfToken }) => (
      <>
        <h1>{t.statusTitle}</h1>
        <p class="font-lead">{t.statusIntro}</p>
        {can(user, 'actionPlans.overview') && (
          <p>
            <a href={href('fundingActionPlans', lang)}>{actionPlanMessages(lang).overviewTitle}</a>
          </p>
        )}
        {!mayDecideAny && <Alert variant="info">{t.readOnly}</Alert>}
        {done && <Alert variant="success">{t.done[done]}</Alert>}
        {problem && <Alert variant="error">{problem.message}</Alert>}
        <form method="get" action={href('reportingStatus', lang)} class="period-filter">
          <div class="form-group">
            <label class="form-label" for="year">
              {t.filterYear}
            </label>
            <select class="form-select" id="year" name="year">
              <option value="">{t.allYears}</option>
              {all.years.map((y) => (
                <option value={String(y)} selected={y === year}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button-secondary">
            {t.show}
          </button>
        </form>
        {all.rows.length === 0 && <p>{t.noClustersFunded}</p>}
        <h2>{t.summaryHeading}</h2>
        <table class="table table--compact">
          <caption>{t.summaryCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.status.submitted}</th>
              {(['submitted', 'approved', 'locked', 'returned', 'open'] as const).map((s) => (
                <th scope="col">{t.status[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.map((s) => (
              <tr>
                <th scope="row">{s.year}</th>
                <td>{t.submittedOf(s.submitted, s.expected)}</td>
                {(['submitted', 'approved', 'locked', 'returned', 'open'] as const).map((st) => (
                  <td>{formatNumber(s.byStatus[st], lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {year === undefined ? (
          <Matrix years={all.years} rows={all.rows} t={t} lang={lang} decides={decides} />
        ) : (
          <>
            <h2>{t.yearTableHeading(year)}</h2>
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t.cluster}</th>
                  <th scope="col">{t.statusLabel}</th>
                  <th scope="col">{t.activities}</th>
                  <th scope="col">{t.participants}</th>
                  <th scope="col">{t.lastChange}</th>
                  <th scope="col">{t.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ name, cell }) =>
                  cell ? (
                    <tr id={`p-${cell.clusterId}-${cell.year}`}>
                      <th scope="row">{name}</th>
                      <td>
                        {cell.expected ? <StatusBadge status={cell.status} t={t} /> : t.notExpected}
                        {cell.comment && (
                          <p class="form-hint">
                            <q>{cell.comment}</q>
                          </p>
                        )}
                      </td>
                      <td>{formatNumber(cell.activities, lang)}</td>
                      <td>{formatNumber(cell.participants, lang)}</td>
                      <td>{cell.updatedAt ? formatDateTime(cell.updatedAt, lang) : '–'}</td>
                      <td>
                        <Decisions
                          cell={cell}
                          actions={decides(cell)}
                          t={t}
                          lang={lang}
                          csrf={csrfToken}
                          problem={problem}
                        />
                        <History
                          events={histories.get(historyKey(cell.clusterId, cell.year)) ?? []}
                          t={t}
                          lang={lang}
                        />
                      </td>
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
          </>
        )}
      </>
    ),
    status,
  );
}

function Decisions(p: {
  cell: PeriodCell;
  actions: PeriodAction[];
  t: PeriodMessages;
  lang: Lang;
  csrf: string;
  problem: FormProblem | undefined;
}) {
  const { t } = p;
  const common = {
    page: 'reportingStatus' as const,
    lang: p.lang,
    csrf: p.csrf,
    cell: p.cell,
    t,
    problem: p.problem,
  };
  return (
    <>
      {p.actions.includes('approve') && <ActionForm {...common} action="approve" label={t.approve} />}
      {p.actions.includes('return') && (
        <ActionForm {...common} action="return" label={t.returnButton} commentLabel={t.returnComment} />
      )}
      {p.actions.includes('lock') && <ActionForm {...common} action="lock" label={t.lock} />}
      {p.actions.includes('reopen') && (
        <ActionForm {...common} action="reopen" label={t.reopenButton} commentLabel={t.reopenReason} />
      )}
    </>
  );
}

function Matrix(p: {
  years: number[];
  rows: { clusterId: string; name: string; cells: PeriodCell[] }[];
  t: PeriodMessages;
  lang: Lang;
  decides: (cell: PeriodCell) => PeriodAction[];
}) {
  const { t, lang } = p;
  if (p.rows.length === 0) return null;
  return (
    <>
      <h2>{t.matrixHeading}</h2>
      <div class="table-responsive">
        <table class="table table--compact">
          <caption>{t.matrixCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.cluster}</th>
              {p.years.map((y) => (
                <th scope="col">{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => (
              <tr>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell) => (
                  <td>
                    {cell.expected ? (
                      <StatusBadge status={cell.status} t={t} />
                    ) : (
                      <>
                        <span aria-hidden="true">–</span>
                        <span class="sr-only">{t.notExpected}</span>
                      </>
                    )}
                    {p.decides(cell).length > 0 && (
                      <>
                        {' '}
                        <a
                          href={`${href('reportingStatus', lang, { year: String(cell.year) })}#p-${cell.clusterId}-${cell.year}`}
                        >
                          {t.handle}
                          <span class="sr-only">
                            {' '}
                            {row.name} {cell.year}
                          </span>
                        </a>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// ---------------------------------------------------------------- the delivery result page

/** Years of activities a delivery could not load because their period is approved or locked. */
export function lockedYears(errors: readonly DeliveryError[]): number[] {
  const years = errors
    .filter((e) => e.code === 'periodLocked' && e.column === 'start_date' && e.value)
    .map((e) => Number((e.value as string).slice(0, 4)));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** A plain explanation on the delivery result page when the delivery hit a closed year. */
export function LockedPeriodNotice({ errors, lang }: { errors: readonly DeliveryError[]; lang: Lang }) {
  if (!errors.some((e) => e.code === 'periodLocked')) return null;
  const t = periodMessages(lang);
  const years = lockedYears(errors);
  const and = lang === 'da' ? ' og ' : ' and ';
  const text = years.length
    ? years.join(', ').replace(/, (\d+)$/, `${and}$1`)
    : lang === 'da'
      ? 'et år'
      : 'a year';
  return (
    <Alert variant="warning" heading={t.status.locked}>
      {t.lockedNotice(text)} <a href={href('workspacePeriods', lang)}>{t.workspaceTitle}</a>
    </Alert>
  );
}

export function registerPeriodPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'workspacePeriods', (c) => workspacePeriods(c));
  onPage(app, 'POST', 'workspacePeriods', (c) =>
    postChange(c, 'workspacePeriods', (problem, status) => workspacePeriods(c, problem, status)),
  );
  onPage(app, 'GET', 'reportingStatus', (c) => statusPage(c));
  onPage(app, 'POST', 'reportingStatus', (c) =>
    postChange(c, 'reportingStatus', (problem, status) => statusPage(c, problem, status)),
  );
}
