import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { applicantView } from '../../../domain/calls/application-view.ts';
import { saveApplication } from '../../../domain/calls/applications.ts';
import { acceptableAttachment, addAttachment } from '../../../domain/calls/attachments.ts';
import type { ApplicationInput } from '../../../domain/calls/schemas.ts';
import { periodYears } from '../../../domain/calls/setup.ts';
import type { ApplicationSection } from '../../../domain/calls/tasks.ts';
import { AppError } from '../../../domain/errors.ts';
import { namesOf } from '../../../domain/glossary.ts';
import { checkDanishNumber, numberForInput } from '../../../domain/reference/danish.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { messages } from '../../i18n/index.ts';
import { uploadedForm } from '../../multipart.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { applyMessages } from './apply-messages.ts';
import { callFlowMessages } from './messages.ts';
import { actAndReturn, callOfPage, formBody, str } from './shared.tsx';
import {
  AboutSection,
  type ApplicantView,
  AttachmentsSection,
  BudgetSection,
  budgetField,
  criterionLabel,
  RequirementsSection,
  requirementLabel,
  SECTION_PAGES,
  type SectionProps,
  type SectionValues,
} from './views/apply-sections.tsx';

/**
 * The sections of the applicant's task list: each shows what was saved, saves only its own part
 * of the draft, and on a mistake comes back with what was typed and a message naming the field.
 */

const MAX_AMOUNT = 10_000_000_000;

/** The applicant's view of the page's call; a sent application's sections go back to the task list. */
async function draftOfPage(c: AppContext) {
  const call = await callOfPage(c);
  const view = await applicantView(c.get('deps').db, callerOf(c), call.id);
  const sent = view.application !== null && view.application.status !== 'draft';
  return { view, sent, taskList: pageHref('callApply', c.get('lang'), { slug: call.slug }) };
}

/** What the draft holds, as its fields show it. */
function savedValues(view: ApplicantView): SectionValues {
  const app = view.application;
  if (!app) return {};
  return {
    title: app.title,
    ...Object.fromEntries(Object.entries(app.texts).map(([id, text]) => [`txt:${id}`, text])),
    ...Object.fromEntries(Object.entries(app.answers).map(([id, text]) => [`ans:${id}`, text])),
    ...Object.fromEntries(
      app.budget.map((b) => [budgetField(b.year, b.category), numberForInput(b.amountDkk)]),
    ),
  };
}

/** Texts longer than their column allows are refused with the field's name. */
function checkLength(
  c: AppContext,
  errors: FieldErrors,
  field: string,
  label: string,
  value: string,
  max: number,
) {
  if (value.length > max) errors[field] = messages(c.get('lang')).validation.tooLong(label, max);
}

/** One section's fields read from the form: the part of the application it saves, and its errors. */
function readSection(
  c: AppContext,
  section: ApplicationSection,
  view: ApplicantView,
  values: SectionValues,
): { input: Partial<ApplicationInput>; errors: FieldErrors } {
  const lang = c.get('lang');
  const errors: FieldErrors = {};
  const { criteria, requirements, setup } = view.setup;
  if (section === 'about') {
    const title = (values.title ?? '').trim();
    checkLength(c, errors, 'title', callFlowMessages(lang).applicationTitle, title, 300);
    const texts: Record<string, string> = {};
    for (const k of criteria) {
      texts[k.id] = (values[`txt:${k.id}`] ?? '').trim();
      checkLength(c, errors, `txt:${k.id}`, criterionLabel(lang, k), texts[k.id] ?? '', 20_000);
    }
    return { input: { title, texts }, errors };
  }
  if (section === 'requirements') {
    const answers: Record<string, string> = {};
    for (const r of requirements) {
      answers[r.id] = (values[`ans:${r.id}`] ?? '').trim();
      checkLength(c, errors, `ans:${r.id}`, requirementLabel(lang, r), answers[r.id] ?? '', 5_000);
    }
    return { input: { answers }, errors };
  }
  const budget: ApplicationInput['budget'] = [];
  const names = namesOf('activityCategory', lang);
  for (const year of periodYears(setup))
    for (const [category, name] of Object.entries(names) as [keyof typeof names, string][]) {
      const field = budgetField(year, category);
      const checked = checkDanishNumber(values[field] ?? '', { min: 0, max: MAX_AMOUNT });
      if ('problem' in checked) errors[field] = messages(lang).validation[checked.problem](`${name} ${year}`);
      else if (checked.value !== null) budget.push({ year, category, amountDkk: checked.value });
    }
  return { input: { budget }, errors };
}

const SECTION_VIEWS = { about: AboutSection, requirements: RequirementsSection, budget: BudgetSection };
type FormSection = keyof typeof SECTION_VIEWS;

function renderSection(
  c: AppContext,
  section: FormSection,
  view: ApplicantView,
  values: SectionValues,
  errors: FieldErrors,
) {
  const t = applyMessages(c.get('lang'));
  const Section = SECTION_VIEWS[section];
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    `${t.sections[section]}: ${view.setup.call.title}`,
    ({ lang, csrfToken }) => {
      const props: SectionProps = {
        t,
        flow: callFlowMessages(lang),
        m: messages(lang),
        lang,
        csrfToken,
        view,
        values,
        errors,
      };
      return <Section {...props} />;
    },
    status,
  );
}

function sectionPage(section: FormSection) {
  return async (c: AppContext) => {
    const { view, sent, taskList } = await draftOfPage(c);
    if (sent) return c.redirect(taskList, 303);
    return renderSection(c, section, view, savedValues(view), {});
  };
}

function saveSection(section: FormSection) {
  return async (c: AppContext) => {
    const { view, taskList } = await draftOfPage(c);
    const body = await formBody(c);
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, str(body, k)]));
    const { input, errors } = readSection(c, section, view, values);
    if (Object.keys(errors).length > 0) return renderSection(c, section, view, values, errors);
    const deps = c.get('deps');
    return actAndReturn(c, taskList, () =>
      saveApplication(deps.db, callerOf(c), view.setup.call.id, view.organisationId, input, deps.clock()),
    );
  };
}

async function renderAttachments(c: AppContext, view: ApplicantView, errors: FieldErrors) {
  const t = applyMessages(c.get('lang'));
  const added = c.req.query('vedhaeftet');
  return renderPage(
    c,
    `${t.sections.attachments}: ${view.setup.call.title}`,
    ({ lang, csrfToken }) => (
      <AttachmentsSection
        t={t}
        flow={callFlowMessages(lang)}
        m={messages(lang)}
        lang={lang}
        csrfToken={csrfToken}
        view={view}
        values={{}}
        errors={errors}
        notice={added ? t.attached(added) : null}
      />
    ),
    Object.keys(errors).length > 0 ? 422 : 200,
  );
}

async function attachmentsPage(c: AppContext) {
  const { view, sent, taskList } = await draftOfPage(c);
  if (sent) return c.redirect(taskList, 303);
  return renderAttachments(c, view, {});
}

/**
 * Stores one uploaded file (the CSRF check has streamed it to disk; it is removed after the
 * response). The first accepted upload creates the draft; a refused file is named in the message.
 */
async function attachAction(c: AppContext) {
  const { view, taskList } = await draftOfPage(c);
  const t = applyMessages(c.get('lang'));
  const file = uploadedForm(c).files.find((f) => f.field === 'file' && f.name !== '');
  if (!file) return renderAttachments(c, view, { file: t.attachmentErrors.missing() });
  const deps = c.get('deps');
  const editor = callerOf(c);
  const now = deps.clock();
  const here = pageHref(SECTION_PAGES.attachments, c.get('lang'), { slug: view.setup.call.slug });
  try {
    const bytes = new Uint8Array(await readFile(file.path));
    // A refused file leaves no empty draft behind.
    await acceptableAttachment(bytes);
    const id =
      view.application?.id ??
      (await saveApplication(deps.db, editor, view.setup.call.id, view.organisationId, {}, now)).id;
    const row = await addAttachment(
      deps.db,
      editor,
      deps.config.dataDir,
      id,
      { name: file.name, bytes },
      now,
    );
    return c.redirect(`${here}?vedhaeftet=${encodeURIComponent(row.fileName)}`, 303);
  } catch (e) {
    const issue = e instanceof AppError ? e.issues[0]?.message : undefined;
    if (issue === 'type' || issue === 'too_large')
      return renderAttachments(c, view, { file: t.attachmentErrors[issue](file.name) });
    // Any other refusal (the deadline has passed) is shown on the task list as the sections' are.
    return actAndReturn(c, taskList, () => Promise.reject(e));
  }
}

export function registerApplyFormPages(app: Hono<AppEnv>): void {
  for (const section of Object.keys(SECTION_VIEWS) as FormSection[]) {
    onPage(app, 'GET', SECTION_PAGES[section], sectionPage(section));
    onPage(app, 'POST', SECTION_PAGES[section], saveSection(section));
  }
  onPage(app, 'GET', 'callApplyAttachments', attachmentsPage);
  onPage(app, 'POST', 'callApplyAttachments', attachAction);
}
