import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { Caller } from '../../../domain/caller.ts';
import { newItemPublishers } from '../../../domain/content/policy.ts';
import { AppError, type FieldIssue } from '../../../domain/errors.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { type FieldLabels, formFields, toFieldErrors } from '../../validation.ts';
import { ErrorSummary, type FieldErrors, SelectField, TextAreaField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { type ContentMessages, contentMessages } from './messages.ts';

/** The publishing forms of news, stories, events and calls: one flow, one page shell. */

/** The first values of a new item's form: the user's first organisation and the page language. */
export function newItemValues(c: AppContext): FormValues {
  const [first] = newItemPublishers(signedInUser(c));
  return { organisationId: first?.organisationId ?? '', lang: c.get('lang') };
}

export type FormValues = Record<string, string>;
type FormStatus = 200 | 409 | 422;
export type RenderForm = (values: FormValues, errors: FieldErrors, status: FormStatus) => Promise<Response>;

/**
 * Validates a posted form with the item's schema, saves it with the signed-in user as actor and
 * sends the browser to the item; shows the form again with field errors when it does not validate.
 */
export async function saveFromForm<S extends z.ZodType>(
  c: AppContext,
  opts: {
    schema: S;
    save: (input: z.infer<S>, editor: Caller, now: Date) => Promise<{ slug: string }>;
    render: RenderForm;
    itemHref: (slug: string) => string;
    /** Labels of the item's own fields (the shared ones are known here), for errors naming them. */
    labels?: FieldLabels;
  },
): Promise<Response> {
  // A visitor is sent to log in before anything of the form is read.
  signedInUser(c);
  const values = formFields(await c.req.parseBody({ all: true }));
  const parsed = opts.schema.safeParse(values);
  if (!parsed.success) return opts.render(values, fieldErrors(c, parsed.error.issues, opts.labels), 422);
  try {
    const { slug } = await opts.save(parsed.data, callerOf(c), c.get('deps').clock());
    return c.redirect(`${opts.itemHref(slug)}?saved=1`, 303);
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation')
      return opts.render(values, fieldErrors(c, e.issues, opts.labels), 422);
    throw e;
  }
}

/**
 * Error texts that say which field is wrong: the error summary lists messages only, and five
 * times "Required" does not tell anyone what to fill in.
 */
function fieldErrors(
  c: AppContext,
  issues: ReadonlyArray<z.core.$ZodIssue> | ReadonlyArray<FieldIssue>,
  labels: FieldLabels = {},
) {
  const t = contentMessages(c.get('lang'));
  const form = t.form;
  const specific: Record<string, string> = { ...form.errors };
  for (const [field, text] of Object.entries(form.required)) specific[`required:${field}`] = text;
  const keyed = issues.map((issue) => {
    const field = 'field' in issue ? issue.field : String(issue.path[0] ?? '');
    const missing = issue.message === 'required' || ('code' in issue && issue.code === 'invalid_type');
    return missing && `required:${field}` in specific ? { ...issue, message: `required:${field}` } : issue;
  });
  return toFieldErrors(keyed as typeof issues, c.get('m'), specific, {
    organisationId: form.organisation,
    lang: form.lang,
    title: form.title,
    summary: form.summary,
    body: form.body,
    startDate: `${t.events.start}: ${form.date}`,
    startTime: `${t.events.start}: ${form.time}`,
    endDate: `${t.events.end}: ${form.date}`,
    endTime: `${t.events.end}: ${form.time}`,
    location: t.events.location,
    municipalityCode: t.events.municipality,
    onlineUrl: t.events.onlineUrl,
    targetGroups: t.events.targetGroups,
    ...labels,
  });
}

/** The page around a publishing form. */
export function renderEditorPage(
  c: AppContext,
  opts: {
    title: string;
    action: string;
    cancelHref: string;
    errors: FieldErrors;
    status: FormStatus;
    fields: Child;
    buttons: Child;
  },
): Promise<Response> {
  const m = c.get('m');
  const t = contentMessages(c.get('lang'));
  return renderPage(
    c,
    opts.title,
    (ch) => (
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1>{opts.title}</h1>
          <ErrorSummary m={m} errors={opts.errors} />
          <form method="post" action={opts.action} novalidate class="content-editor">
            <CsrfField token={ch.csrfToken} />
            {opts.fields}
            <div class="content-editor-actions">
              {opts.buttons}
              <a href={opts.cancelHref} class="button button-tertiary">
                {t.form.cancel}
              </a>
            </div>
          </form>
        </div>
      </div>
    ),
    opts.status,
  );
}

/**
 * Save-as-draft and publish, worded for whether the item is public now. The first button is what
 * Enter in a field presses: keeping things as they are (a draft stays a draft, a published item
 * stays published), never publishing or unpublishing by accident.
 */
export function PublishButtons({ t, published }: { t: ContentMessages; published: boolean }) {
  if (published)
    return (
      <>
        <button type="submit" name="intent" value="publish" class="button button-primary">
          {t.form.saveAndKeep}
        </button>
        <button type="submit" name="intent" value="draft" class="button button-secondary">
          {t.form.unpublish}
        </button>
      </>
    );
  return (
    <>
      <button type="submit" name="intent" value="draft" class="button button-secondary">
        {t.form.saveDraft}
      </button>
      <button type="submit" name="intent" value="publish" class="button button-primary">
        {t.form.publish}
      </button>
    </>
  );
}

export function OrganisationField({
  t,
  label,
  options,
  values,
  errors,
}: {
  t: ContentMessages;
  label: string;
  options: { organisationId: string; organisationName: string }[];
  values: FormValues;
  errors: FieldErrors;
}) {
  return (
    <SelectField
      name="organisationId"
      label={label}
      placeholder={options.length > 1 ? t.form.choose : undefined}
      value={values.organisationId}
      error={errors.organisationId}
      options={options.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
    />
  );
}

/** Language, title and summary: the same on news, stories and events. */
export function HeadFields({
  t,
  values,
  errors,
}: {
  t: ContentMessages;
  values: FormValues;
  errors: FieldErrors;
}) {
  return (
    <>
      <SelectField
        name="lang"
        label={t.form.lang}
        value={values.lang ?? 'da'}
        error={errors.lang}
        options={(['da', 'en'] as const).map((l) => ({ value: l, label: t.common.languages[l] }))}
      />
      <TextField name="title" label={t.form.title} value={values.title} error={errors.title} />
      <TextAreaField
        className="content-textarea"
        name="summary"
        label={t.form.summary}
        hint={t.form.summaryHint}
        value={values.summary}
        error={errors.summary}
        rows={3}
      />
    </>
  );
}

export function BodyField({
  t,
  values,
  errors,
}: {
  t: ContentMessages;
  values: FormValues;
  errors: FieldErrors;
}) {
  return (
    <TextAreaField
      className="content-textarea"
      name="body"
      label={t.form.body}
      hint={t.form.bodyHint}
      value={values.body}
      error={errors.body}
      rows={14}
    />
  );
}
