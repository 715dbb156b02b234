import type { Child } from 'hono/jsx';
import { withdrawable } from '../../../../domain/calls/policy.ts';
import {
  APPLICATION_SECTIONS,
  type ApplicationSection,
  readyToSubmit,
  type TaskStatus,
} from '../../../../domain/calls/tasks.ts';
import { nameOf } from '../../../../domain/glossary.ts';
import { formatAmount, formatDateTime } from '../../../../domain/reference/danish.ts';
import type { Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { ApplyMessages } from '../apply-messages.ts';
import type { CallFlowMessages } from '../messages.ts';
import { inLang } from '../shared.tsx';
import {
  type ApplicantView,
  AttachmentList,
  criterionLabel,
  requirementLabel,
  SECTION_PAGES,
} from './apply-sections.tsx';

/** The applicant's overview pages: the task list, check your answers, the receipt and withdrawal. */

type Statuses = Record<ApplicationSection, TaskStatus>;

const STATUS_BADGE: Record<TaskStatus, string> = {
  notStarted: 'badge',
  inProgress: 'badge badge-info',
  done: 'badge badge-success',
};

function CallHeading({ view, lang, title }: { view: ApplicantView; lang: Lang; title: string }) {
  return (
    <>
      <p class="font-lead">{inLang(lang, view.setup.call.title, view.setup.setup?.titleEn)}</p>
      <h1>{title}</h1>
    </>
  );
}

/** The sections with their status, then check and submit, open once the required sections are done. */
function TaskList({
  t,
  lang,
  slug,
  statuses,
}: {
  t: ApplyMessages;
  lang: Lang;
  slug: string;
  statuses: Statuses;
}) {
  return (
    <ol class="task-list">
      {APPLICATION_SECTIONS.map((section) => (
        <li class="task-list-item">
          <span class="task-list-name">
            <a href={pageHref(SECTION_PAGES[section], lang, { slug })} aria-describedby={`task-${section}`}>
              {t.sections[section]}
            </a>
            <span class="form-hint d-block">{t.sectionHints[section]}</span>
          </span>
          <span class={STATUS_BADGE[statuses[section]]} id={`task-${section}`}>
            {t.taskStatuses[statuses[section]]}
          </span>
        </li>
      ))}
      <li class="task-list-item">
        <span class="task-list-name">
          {readyToSubmit(statuses) ? (
            <a href={pageHref('callApplyCheck', lang, { slug })}>{t.checkAndSubmit}</a>
          ) : (
            t.checkAndSubmit
          )}
          <span class="form-hint d-block">{readyToSubmit(statuses) ? t.checkHint : t.checkLocked}</span>
        </span>
      </li>
    </ol>
  );
}

/** The task list (DKFDS opgaveliste) of a draft; for a sent application its status and what can be done. */
export function TaskListPage(p: {
  t: ApplyMessages;
  flow: CallFlowMessages;
  lang: Lang;
  view: ApplicantView;
  statuses: Statuses;
  outcome: Child;
}) {
  const { t, lang, view } = p;
  const app = view.application;
  const slug = view.setup.call.slug;
  const draft = !app || app.status === 'draft';
  return (
    <>
      <CallHeading view={view} lang={lang} title={p.flow.apply} />
      {p.outcome}
      {app && (
        <p>
          {p.flow.status}: <strong>{nameOf('applicationStatus', app.status, lang)}</strong>
        </p>
      )}
      {draft ? (
        <>
          <p>{t.taskListLead}</p>
          <p>{t.deadline(formatDateTime(view.setup.call.deadline, lang))}</p>
          <TaskList t={t} lang={lang} slug={slug} statuses={p.statuses} />
        </>
      ) : (
        <>
          <Alert variant="info">{t.statusLead[app.status] ?? ''}</Alert>
          <p>
            <a href={pageHref('application', lang, { id: app.id })}>{t.viewApplication}</a>
          </p>
        </>
      )}
      {app && withdrawable(app.status) && (
        <p>
          <a class="button button-tertiary" href={pageHref('callApplyWithdraw', lang, { slug })}>
            {p.flow.withdraw}
          </a>
        </p>
      )}
    </>
  );
}

/** One section of the summary: its rows and a change link to its form. */
function SummarySection(p: {
  t: ApplyMessages;
  lang: Lang;
  slug: string;
  section: ApplicationSection;
  rows: readonly [string, string][];
  children?: Child;
}) {
  return (
    <section>
      <h2 class="h3">{p.t.sections[p.section]}</h2>
      <dl class="summary-list">
        {p.rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd class="pre-line">{value.trim() === '' ? p.t.notAnswered : value}</dd>
          </>
        ))}
      </dl>
      {p.children}
      <p>
        <a
          href={pageHref(SECTION_PAGES[p.section], p.lang, { slug: p.slug })}
          aria-label={p.t.changeSection(p.t.sections[p.section])}
        >
          {p.t.change}
        </a>
      </p>
    </section>
  );
}

/** The budget applied for, per year and activity category in words, with the total. */
export function budgetRows(
  budget: readonly { year: number; category: string; amountDkk: number }[],
  lang: Lang,
) {
  return budget.map(
    (b) =>
      [`${nameOf('activityCategory', b.category, lang)} ${b.year}`, formatAmount(b.amountDkk, lang)] as [
        string,
        string,
      ],
  );
}

/** The declaration, required before the application is submitted, and the submit button. */
function SubmitForm(p: {
  t: ApplyMessages;
  lang: Lang;
  csrfToken: string;
  slug: string;
  errors: FieldErrors;
}) {
  const { t, lang, slug } = p;
  return (
    <form method="post" action={pageHref('callApplyCheck', lang, { slug })}>
      <CsrfField token={p.csrfToken} />
      <fieldset>
        <legend class="h2">{t.declarationLegend}</legend>
        <div class={p.errors.declaration ? 'form-group form-error' : 'form-group'}>
          {p.errors.declaration && (
            <span class="form-error-message" id="declaration-error">
              {p.errors.declaration}
            </span>
          )}
          <input
            class="form-checkbox"
            type="checkbox"
            id="declaration"
            name="declaration"
            value="yes"
            aria-describedby={p.errors.declaration ? 'declaration-error' : undefined}
          />
          <label for="declaration">{t.declaration}</label>
        </div>
      </fieldset>
      <button type="submit" class="button button-primary">
        {t.submitNow}
      </button>
    </form>
  );
}

/** Check your answers: every section with a change link, the declaration, then submit. */
export function CheckAnswersPage(p: {
  t: ApplyMessages;
  flow: CallFlowMessages;
  m: Messages;
  lang: Lang;
  csrfToken: string;
  view: ApplicantView;
  errors: FieldErrors;
}) {
  const { t, lang, view } = p;
  const app = view.application;
  const slug = view.setup.call.slug;
  const total = (app?.budget ?? []).reduce((sum, b) => sum + b.amountDkk, 0);
  return (
    <>
      <ErrorSummary m={p.m} errors={p.errors} />
      <CallHeading view={view} lang={lang} title={t.checkTitle} />
      <SummarySection
        t={t}
        lang={lang}
        slug={slug}
        section="about"
        rows={[
          [p.flow.applicationTitle, app?.title ?? ''],
          ...view.setup.criteria.map(
            (k) => [criterionLabel(lang, k), app?.texts[k.id] ?? ''] as [string, string],
          ),
        ]}
      />
      <SummarySection
        t={t}
        lang={lang}
        slug={slug}
        section="requirements"
        rows={view.setup.requirements.map(
          (r) => [requirementLabel(lang, r), app?.answers[r.id] ?? ''] as [string, string],
        )}
      />
      <SummarySection
        t={t}
        lang={lang}
        slug={slug}
        section="budget"
        rows={[...budgetRows(app?.budget ?? [], lang), [t.budgetTotal, formatAmount(total, lang)]]}
      />
      <SummarySection t={t} lang={lang} slug={slug} section="attachments" rows={[]}>
        <AttachmentList t={t} lang={lang} attachments={view.attachments} />
      </SummarySection>
      <SubmitForm t={t} lang={lang} csrfToken={p.csrfToken} slug={slug} errors={p.errors} />
    </>
  );
}

/** The confirmation page: receipt with the reference number, and what happens next. */
export function ReceiptPage(p: {
  t: ApplyMessages;
  flow: CallFlowMessages;
  lang: Lang;
  view: ApplicantView;
  reference: string;
  email: string;
}) {
  const { t, lang, view } = p;
  return (
    <>
      <CallHeading view={view} lang={lang} title={t.receiptTitle} />
      <div class="alert alert-success" role="status">
        <div class="alert-body">
          <p class="alert-text">
            {t.reference}: <strong>{p.reference}</strong>
          </p>
        </div>
      </div>
      <p>{t.receiptSent(p.email)}</p>
      <h2>{t.nextTitle}</h2>
      <ol>
        {t.nextSteps.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>
        <a href={pageHref('callApply', lang, { slug: view.setup.call.slug })}>{t.backToTasks}</a>
      </p>
    </>
  );
}

/** Withdrawal asks first, with its own confirmation; it is never mistaken for submitting. */
export function WithdrawPage(p: { t: ApplyMessages; lang: Lang; csrfToken: string; view: ApplicantView }) {
  const { t, lang, view } = p;
  const slug = view.setup.call.slug;
  return (
    <>
      <CallHeading view={view} lang={lang} title={t.withdrawTitle} />
      <p>{t.withdrawLead}</p>
      <form method="post" action={pageHref('callApplyWithdraw', lang, { slug })}>
        <CsrfField token={p.csrfToken} />
        <div class="button-group">
          <button type="submit" class="button button-warning">
            {t.withdrawConfirm}
          </button>
          <a class="button button-secondary" href={pageHref('callApply', lang, { slug })}>
            {t.withdrawCancel}
          </a>
        </div>
      </form>
    </>
  );
}
