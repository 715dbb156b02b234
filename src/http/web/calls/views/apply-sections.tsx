import type { Child } from 'hono/jsx';
import type { applicantView } from '../../../../domain/calls/application-view.ts';
import { periodYears } from '../../../../domain/calls/setup.ts';
import type { ApplicationSection } from '../../../../domain/calls/tasks.ts';
import { namesOf } from '../../../../domain/glossary.ts';
import { formatNumber } from '../../../../domain/reference/danish.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, type PageKey, pageHref } from '../../../paths.ts';
import {
  ErrorSummary,
  type FieldErrors,
  RequiredFieldsNote,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { servicesExportHref } from '../../cluster-services/views.tsx';
import type { ApplyMessages } from '../apply-messages.ts';
import type { CallFlowMessages } from '../messages.ts';
import { evidenceOf, inLang } from '../shared.tsx';

/** The sections of the applicant's task list, each a form of its own that keeps what was typed. */

export type ApplicantView = Awaited<ReturnType<typeof applicantView>>;
/** A section's fields as typed (or as saved): `title`, `txt:<criterion>`, `ans:<requirement>`, `bud:<year>:<category>`. */
export type SectionValues = Record<string, string>;

export const SECTION_PAGES: Record<ApplicationSection, PageKey> = {
  about: 'callApplyAbout',
  requirements: 'callApplyRequirements',
  budget: 'callApplyBudget',
  attachments: 'callApplyAttachments',
};

export interface SectionProps {
  t: ApplyMessages;
  flow: CallFlowMessages;
  m: Messages;
  lang: Lang;
  csrfToken: string;
  view: ApplicantView;
  values: SectionValues;
  errors: FieldErrors;
}

/** The budget's field for one year and activity category. */
export const budgetField = (year: number, category: string) => `bud:${year}:${category}`;

/** The label of a requirement: its text, and the evidence it asks for in brackets. */
export function requirementLabel(lang: Lang, r: ApplicantView['setup']['requirements'][number]) {
  const evidence = evidenceOf(lang, r);
  return `${inLang(lang, r.textDa, r.textEn)}${evidence ? ` (${evidence})` : ''}`;
}

export const criterionLabel = (lang: Lang, k: ApplicantView['setup']['criteria'][number]) =>
  `${inLang(lang, k.titleDa, k.titleEn)} (${k.weight} %)`;

/** One section's page: heading, error summary, its fields, and save. */
/**
 * A section's page. Every field of the about and requirements sections must be filled in before
 * the section is done (src/domain/calls/tasks.ts), so those say so once; the budget's lead says
 * which fields may stay empty.
 */
function SectionForm(
  p: SectionProps & { section: ApplicationSection; lead?: string; allRequired?: boolean; children: Child },
) {
  const slug = p.view.setup.call.slug;
  return (
    <>
      <ErrorSummary m={p.m} errors={p.errors} />
      <p class="font-lead">{inLang(p.lang, p.view.setup.call.title, p.view.setup.setup?.titleEn)}</p>
      <h1>{p.t.sections[p.section]}</h1>
      {p.lead && <p>{p.lead}</p>}
      {p.allRequired && <RequiredFieldsNote m={p.m} />}
      <form method="post" action={pageHref(SECTION_PAGES[p.section], p.lang, { slug })} novalidate>
        <CsrfField token={p.csrfToken} />
        {p.children}
        <div class="button-group">
          <button type="submit" class="button button-primary">
            {p.t.saveAndBack}
          </button>
        </div>
      </form>
      <p>
        <a href={pageHref('callApply', p.lang, { slug })}>{p.t.backToTasks}</a>
      </p>
    </>
  );
}

export function AboutSection(p: SectionProps) {
  return (
    <SectionForm {...p} section="about" allRequired>
      <TextField name="title" label={p.flow.applicationTitle} value={p.values.title} error={p.errors.title} />
      {p.view.setup.criteria.map((k) => (
        <TextAreaField
          name={`txt:${k.id}`}
          label={criterionLabel(p.lang, k)}
          value={p.values[`txt:${k.id}`]}
          error={p.errors[`txt:${k.id}`]}
          rows={8}
        />
      ))}
    </SectionForm>
  );
}

export function RequirementsSection(p: SectionProps) {
  return (
    <SectionForm {...p} section="requirements" allRequired>
      {p.view.setup.requirements.map((r) => (
        <>
          <TextAreaField
            name={`ans:${r.id}`}
            label={requirementLabel(p.lang, r)}
            value={p.values[`ans:${r.id}`]}
            error={p.errors[`ans:${r.id}`]}
            rows={5}
          />
          {r.servicesListing && <ServicesListingLinks organisationId={p.view.organisationId} {...p} />}
        </>
      ))}
    </SectionForm>
  );
}

/** Where a requirement asks for the cluster's services on Virksomhedsguiden: their export, and where to edit them. */
function ServicesListingLinks(p: SectionProps & { organisationId: string }) {
  return (
    <ul>
      <li>
        <a href={servicesExportHref(p.organisationId, 'json')}>{p.t.servicesListing}</a>
      </li>
      <li>
        <a href={href('clusterServices', p.lang)}>{p.t.servicesListingEdit}</a>
      </li>
    </ul>
  );
}

export function BudgetSection(p: SectionProps) {
  const categories = namesOf('activityCategory', p.lang);
  return (
    <SectionForm {...p} section="budget" lead={p.t.budgetLead}>
      {periodYears(p.view.setup.setup).map((year) => (
        <fieldset>
          <legend class="h3">{p.t.budgetYear(year)}</legend>
          {Object.entries(categories).map(([category, name]) => {
            const field = budgetField(year, category);
            return (
              <div class={p.errors[field] ? 'form-group form-error' : 'form-group'}>
                <label class="form-label" for={field}>
                  {name} {year} (kr.)
                </label>
                {p.errors[field] && (
                  <span class="form-error-message" id={`${field}-error`}>
                    {p.errors[field]}
                  </span>
                )}
                <input
                  class="form-input input-width-s"
                  type="text"
                  inputmode="numeric"
                  id={field}
                  name={field}
                  value={p.values[field] ?? ''}
                  aria-invalid={p.errors[field] ? 'true' : undefined}
                  aria-describedby={p.errors[field] ? `${field}-error` : undefined}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
    </SectionForm>
  );
}

/** The attachments already uploaded, and the upload form (which saves on its own). */
export function AttachmentsSection(p: SectionProps & { notice: string | null }) {
  const slug = p.view.setup.call.slug;
  const error = p.errors.file;
  return (
    <>
      <ErrorSummary m={p.m} errors={p.errors} />
      <p class="font-lead">{inLang(p.lang, p.view.setup.call.title, p.view.setup.setup?.titleEn)}</p>
      <h1>{p.t.sections.attachments}</h1>
      {p.notice && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{p.notice}</p>
          </div>
        </div>
      )}
      <p>{p.t.attachmentsLead}</p>
      <AttachmentList t={p.t} lang={p.lang} attachments={p.view.attachments} />
      <form
        method="post"
        action={pageHref('callApplyAttachments', p.lang, { slug })}
        enctype="multipart/form-data"
      >
        <CsrfField token={p.csrfToken} />
        <div class={error ? 'form-group form-error' : 'form-group'}>
          <label class="form-label" for="file">
            {p.flow.file}
          </label>
          {error && (
            <span class="form-error-message" id="file-error">
              {error}
            </span>
          )}
          <input
            class="form-input"
            type="file"
            id="file"
            name="file"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'file-error' : undefined}
          />
        </div>
        <button type="submit" class="button button-secondary">
          {p.flow.upload}
        </button>
      </form>
      <p>
        <a class="button button-primary" href={pageHref('callApply', p.lang, { slug })}>
          {p.t.backToTasks}
        </a>
      </p>
    </>
  );
}

export function AttachmentList({
  t,
  lang,
  attachments,
}: {
  t: ApplyMessages;
  lang: Lang;
  attachments: readonly { id: string; fileName: string; sizeBytes: number }[];
}) {
  if (attachments.length === 0) return <p>{t.noAttachments}</p>;
  return (
    <ul>
      {attachments.map((f) => (
        <li>
          <a href={pageHref('attachment', lang, { id: f.id })}>{f.fileName}</a> (
          {formatNumber(Math.max(1, Math.round(f.sizeBytes / 1024)), lang)} KB)
        </li>
      ))}
    </ul>
  );
}
