import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  type DeadlineRule,
  deadlineRules,
  setDeadlineRule,
} from '../../../domain/reporting/calendar/deadlines.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type DeadlineMessages, deadlineMessages } from './deadlines.messages.ts';

/**
 * The reporting calendar's deadline rules (admins): each funder's day and month of the year after
 * a reporting year on which its clusters' reports are due. The domain decides who may (calendar/deadlines.ts).
 */
interface Problem {
  funderId: string;
  message: string;
}

function RuleRow(p: {
  rule: DeadlineRule;
  t: DeadlineMessages;
  lang: Lang;
  csrf: string;
  problem?: Problem;
}) {
  const { rule, t } = p;
  const id = `rule-${rule.funderId}`;
  const error = p.problem?.funderId === rule.funderId ? p.problem.message : undefined;
  return (
    <tr id={id}>
      <th scope="row">{rule.funderName}</th>
      <td>{t.ruleText(rule.day, rule.month, rule.own)}</td>
      <td>
        <form method="post" action={href('reportingDeadlines', p.lang)} class="deadline-rule">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="funderId" value={rule.funderId} />
          {error && (
            <span class="form-error-message" id={`${id}-error`}>
              {error}
            </span>
          )}
          <label class="form-label" for={`${id}-day`}>
            {t.day}
          </label>
          <input
            class="form-input input-width-xxs"
            id={`${id}-day`}
            name="day"
            inputmode="numeric"
            value={String(rule.day)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label class="form-label" for={`${id}-month`}>
            {t.month}
          </label>
          <input
            class="form-input input-width-xxs"
            id={`${id}-month`}
            name="month"
            inputmode="numeric"
            value={String(rule.month)}
            aria-invalid={error ? 'true' : undefined}
          />
          <button type="submit" class="button button-secondary">
            {t.save}
            <span class="sr-only"> {rule.funderName}</span>
          </button>
        </form>
      </td>
    </tr>
  );
}

async function deadlinesPage(c: AppContext, problem?: Problem) {
  const deps = c.get('deps');
  const rules = await deadlineRules(deps.db, callerOf(c));
  const t = deadlineMessages(c.get('lang'));
  const saved = c.req.query('gemt') === '1';
  return renderPage(
    c,
    t.title,
    ({ lang, csrfToken }) => (
      <>
        <h1>{t.title}</h1>
        <p class="font-lead">{t.intro}</p>
        {saved && <Alert variant="success">{t.saved}</Alert>}
        {problem && <Alert variant="error">{problem.message}</Alert>}
        <div class="table-responsive">
          <table class="table table--compact">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.funder}</th>
                <th scope="col">{t.deadline}</th>
                <th scope="col">{t.change}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <RuleRow rule={rule} t={t} lang={lang} csrf={csrfToken} problem={problem} />
              ))}
            </tbody>
          </table>
        </div>
      </>
    ),
    problem ? 422 : 200,
  );
}

async function saveRule(c: AppContext) {
  const deps = c.get('deps');
  const body = await c.req.parseBody();
  const funderId = typeof body.funderId === 'string' ? body.funderId : '';
  const t = deadlineMessages(c.get('lang'));
  try {
    await setDeadlineRule(deps.db, callerOf(c), { funderId, month: body.month, day: body.day });
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation')
      return deadlinesPage(c, { funderId, message: t.invalid });
    throw e;
  }
  return c.redirect(`${href('reportingDeadlines', c.get('lang'), { gemt: '1' })}#rule-${funderId}`, 303);
}

export function registerDeadlinePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'reportingDeadlines', (c) => deadlinesPage(c));
  onPage(app, 'POST', 'reportingDeadlines', saveRule);
}
