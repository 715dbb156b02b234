import type { Child } from 'hono/jsx';
import type { applicantView } from '../../../../domain/calls/application-view.ts';
import { withdrawable } from '../../../../domain/calls/policy.ts';
import { periodYears } from '../../../../domain/calls/setup.ts';
import { ACTIVITY_CATEGORIES } from '../../../../domain/reporting/format/rows.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { CallFlowMessages } from '../messages.ts';
import { evidenceOf, inLang } from '../shared.tsx';

/** The applicant's form: the call's requirements, criteria and budget, then attachments and withdrawal. */

type ApplicantView = Awaited<ReturnType<typeof applicantView>>;
type Application = NonNullable<ApplicantView['application']>;

function TextArea({
  id,
  label,
  value,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
}) {
  return (
    <div class="form-group">
      <label class="form-label" for={id}>
        {label}
      </label>
      <textarea class="form-input" id={id} name={id} rows={4} disabled={disabled}>
        {value}
      </textarea>
    </div>
  );
}

/** The budget applied for: one amount per year of the call's period and activity category. */
function BudgetFields({
  t,
  setup,
  app,
  disabled,
}: {
  t: CallFlowMessages;
  setup: ApplicantView['setup'];
  app: Application | null;
  disabled: boolean;
}) {
  return (
    <fieldset>
      <legend class="h2">{t.budgetApplied}</legend>
      {periodYears(setup.setup).map((y) =>
        ACTIVITY_CATEGORIES.map((cat) => {
          const id = `bud:${y}:${cat}`;
          const v = app?.budget.find((b) => b.year === y && b.category === cat)?.amountDkk;
          return (
            <div class="form-group">
              <label class="form-label" for={id}>
                {y} {cat}
              </label>
              <input
                class="form-input input-width-s"
                type="text"
                inputmode="numeric"
                id={id}
                name={id}
                value={v === undefined ? '' : String(v)}
                disabled={disabled}
              />
            </div>
          );
        }),
      )}
    </fieldset>
  );
}

function ApplicationFields({
  t,
  setup,
  app,
  disabled,
  lang,
}: {
  t: CallFlowMessages;
  lang: Lang;
  setup: ApplicantView['setup'];
  app: Application | null;
  disabled: boolean;
}) {
  return (
    <>
      <div class="form-group">
        <label class="form-label" for="title">
          {t.applicationTitle}
        </label>
        <input
          class="form-input"
          type="text"
          id="title"
          name="title"
          value={app?.title ?? ''}
          disabled={disabled}
        />
      </div>
      <h2>{t.requirements}</h2>
      {setup.requirements.map((r) => (
        <TextArea
          id={`ans:${r.id}`}
          label={`${inLang(lang, r.textDa, r.textEn)}${evidenceOf(lang, r) ? ` (${evidenceOf(lang, r)})` : ''}`}
          value={app?.answers[r.id] ?? ''}
          disabled={disabled}
        />
      ))}
      <h2>{t.criteria}</h2>
      {setup.criteria.map((k) => (
        <TextArea
          id={`txt:${k.id}`}
          label={`${inLang(lang, k.titleDa, k.titleEn)} (${k.weight} %)`}
          value={app?.texts[k.id] ?? ''}
          disabled={disabled}
        />
      ))}
      <BudgetFields t={t} setup={setup} app={app} disabled={disabled} />
    </>
  );
}

function Attachments({
  t,
  lang,
  csrfToken,
  action,
  view,
  draft,
}: {
  t: CallFlowMessages;
  lang: Lang;
  csrfToken: string;
  action: string;
  view: ApplicantView;
  draft: boolean;
}) {
  return (
    <>
      <h2>{t.attachments}</h2>
      <ul>
        {view.attachments.map((f) => (
          <li>
            <a href={pageHref('attachment', lang, { id: f.id })}>{f.fileName}</a>
          </li>
        ))}
      </ul>
      {draft && (
        <form method="post" action={action} enctype="multipart/form-data">
          <CsrfField token={csrfToken} />
          <div class="form-group">
            <label class="form-label" for="file">
              {t.file}
            </label>
            <input class="form-input" type="file" id="file" name="file" />
          </div>
          <button type="submit" name="do" value="attach" class="button button-secondary">
            {t.upload}
          </button>
        </form>
      )}
    </>
  );
}

export function ApplicationForm({
  t,
  lang,
  csrfToken,
  view,
  outcome,
}: {
  t: CallFlowMessages;
  lang: Lang;
  csrfToken: string;
  view: ApplicantView;
  outcome: Child;
}) {
  const { setup, application: app } = view;
  const action = pageHref('callApply', lang, { slug: setup.call.slug });
  const draft = !app || app.status === 'draft';
  return (
    <>
      <h1>
        {t.apply}: {inLang(lang, setup.call.title, setup.setup?.titleEn)}
      </h1>
      {outcome}
      {app && (
        <p>
          {t.status}: <strong>{t.appStatuses[app.status]}</strong>
        </p>
      )}
      {!draft && <Alert variant="info">{t.readOnly}</Alert>}
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <ApplicationFields t={t} lang={lang} setup={setup} app={app} disabled={!draft} />
        {draft && (
          <div class="button-group">
            <button type="submit" name="do" value="save" class="button button-secondary">
              {t.saveDraft}
            </button>
            <button type="submit" name="do" value="submit" class="button button-primary">
              {t.submit}
            </button>
          </div>
        )}
      </form>
      {app && (
        <>
          <Attachments t={t} lang={lang} csrfToken={csrfToken} action={action} view={view} draft={draft} />
          {withdrawable(app.status) && (
            <form method="post" action={action}>
              <CsrfField token={csrfToken} />
              <button type="submit" name="do" value="withdraw" class="button button-tertiary">
                {t.withdraw}
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}
