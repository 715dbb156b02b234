import type { Messages } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import {
  describedBy,
  ErrorSummary,
  FieldShell,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { KnowledgeMessages } from '../messages.ts';

type Shared = { lang: Lang; t: KnowledgeMessages; csrfToken: string; m: Messages };

const TEXTS = ['titleDa', 'titleEn', 'summaryDa', 'summaryEn'] as const;
const BODIES = ['bodyDa', 'bodyEn'] as const;
const options = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label }));

/** The form an article or template is created or edited with; the kind is chosen only when creating. */
export function KnowledgeFormView(
  p: Shared & { heading: string; action: string; form: PostedForm; creating: boolean },
) {
  const { form, t } = p;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      <h1>{p.heading}</h1>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        {p.creating && (
          <SelectField
            name="kind"
            label={t.kind}
            hint={t.kindHint}
            placeholder={t.choose}
            value={v('kind')}
            options={options(t.kindNames)}
            error={form.errors.kind}
          />
        )}
        <SelectField
          name="topic"
          label={t.topic}
          placeholder={t.choose}
          value={v('topic')}
          options={options(t.topicNames)}
          error={form.errors.topic}
        />
        <SelectField
          name="access"
          label={t.access}
          placeholder={t.choose}
          value={v('access')}
          options={options(t.accessNames)}
          error={form.errors.access}
        />
        {TEXTS.map((name) => (
          <TextField name={name} label={t[name]} value={v(name)} error={form.errors[name]} />
        ))}
        {BODIES.map((name) => (
          <TextAreaField
            name={name}
            label={t[name]}
            hint={t.bodyHint}
            value={v(name)}
            rows={10}
            error={form.errors[name]}
          />
        ))}
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
      </form>
    </>
  );
}

/** A new version of a template: the file and what changed, posted as a multipart form. */
export function VersionUploadForm(p: Shared & { action: string; form: PostedForm }) {
  const { form, t } = p;
  const fileField = { name: 'file', label: t.file, hint: t.fileHint, error: form.errors.file };
  return (
    <section class="mt-8">
      <h2>{t.newVersion}</h2>
      <p>{t.newVersionLead}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <CsrfField token={p.csrfToken} />
        <FieldShell {...fileField}>
          <input
            class="form-input"
            type="file"
            id="file"
            name="file"
            accept=".pdf,.docx,.xlsx,.odt,.ods"
            aria-invalid={form.errors.file ? 'true' : undefined}
            aria-describedby={describedBy(fileField)}
          />
        </FieldShell>
        {(['changesDa', 'changesEn'] as const).map((name) => (
          <TextAreaField
            name={name}
            label={t[name]}
            value={formText(form.values[name])}
            rows={3}
            error={form.errors[name]}
          />
        ))}
        <button type="submit" class="button button-secondary">
          {t.upload}
        </button>
      </form>
    </section>
  );
}
