import type { IssueForEditor, NewsletterIssue } from '../../../../domain/newsletter/issues.ts';
import { SEGMENT_VALUES } from '../../../../domain/newsletter/schemas.ts';
import { REGIONS } from '../../../../domain/reference/geography.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDay } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  ErrorSummary,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { NewsletterMessages } from '../messages.ts';
import { IssueBody, themeOptions } from './public.tsx';

type Shared = { lang: Lang; t: NewsletterMessages; csrfToken: string; m: Messages };

/**
 * The recipients as one choice: `segment` or `segment:value` (e.g. `role:funder`), split into the
 * segment and its value when posted (pages.tsx).
 */
function segmentOptions(t: NewsletterMessages, lang: Lang) {
  const g = t.segmentGroups;
  const named = (segment: string, group: string, names: Record<string, string>) =>
    (SEGMENT_VALUES[segment as 'role'] ?? []).map((v) => ({
      value: `${segment}:${v}`,
      label: `${group}: ${names[v] ?? v}`,
    }));
  const regions = Object.fromEntries(REGIONS.map((r) => [String(r.code), lang === 'en' ? r.nameEn : r.name]));
  const themes = Object.fromEntries(themeOptions(lang).map((o) => [o.value, o.label]));
  return [
    { value: 'all', label: t.segmentAll },
    { value: 'external', label: t.segmentExternal },
    { value: 'companies', label: t.segmentCompanies },
    ...named('role', g.role, t.roleNames),
    ...named('league', g.league, t.leagueNames),
    ...named('region', g.region, regions),
    ...named('theme', g.theme, themes),
  ];
}

/** The form an issue is written with (new, or a draft changed). */
export function IssueForm(p: Shared & { action: string; form: PostedForm }) {
  const { t, form } = p;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField name="subject" label={t.subject} value={v('subject')} error={form.errors.subject} />
        <TextAreaField
          name="body"
          label={t.body}
          hint={t.bodyHint}
          rows={12}
          value={v('body')}
          error={form.errors.body}
        />
        <SelectField
          name="segment"
          label={t.segment}
          options={segmentOptions(t, p.lang)}
          value={v('segment') || 'all'}
          error={form.errors.segment}
        />
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
      </form>
    </>
  );
}

export function EditorListView(p: Shared & { issues: NewsletterIssue[]; form: PostedForm; action: string }) {
  const { t, lang } = p;
  return (
    <>
      <h1>{t.editorTitle}</h1>
      <p class="font-lead">{t.editorLead}</p>
      <h2>{t.issues}</h2>
      {p.issues.length === 0 ? (
        <p>{t.noIssues}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.subject}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {p.issues.map((i) => (
                <tr>
                  <td>
                    <a href={pageHref('supportNewsletterIssue', lang, { id: i.id })}>{i.subject}</a>
                  </td>
                  <td>
                    {t.statusNames[i.status]}
                    {i.sentAt && ` ${formatDay(i.sentAt, lang)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.newIssue}</h2>
      <IssueForm {...p} />
    </>
  );
}

/** The value the segment select shows for a stored issue. */
export const segmentChoice = (i: Pick<NewsletterIssue, 'segment' | 'segmentValue'>) =>
  i.segmentValue === null ? i.segment : `${i.segment}:${i.segmentValue}`;

export function IssueEditorView(
  p: Shared & { issue: IssueForEditor; form: PostedForm; notice: string | null },
) {
  const { t, lang, issue } = p;
  const { progress } = issue;
  const action = pageHref('supportNewsletterIssue', lang, { id: issue.id });
  const sendAction = pageHref('supportNewsletterSend', lang, { id: issue.id });
  return (
    <>
      <p>
        <a href={pageHref('supportNewsletter', lang, {})}>{t.editorTitle}</a>
      </p>
      <h1>{issue.subject}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <p>
        {t.status}: <strong>{t.statusNames[issue.status]}</strong>
      </p>
      {issue.status === 'draft' ? (
        <>
          <p>{t.recipientsNow(issue.recipients)}</p>
          <form method="post" action={sendAction}>
            <CsrfField token={p.csrfToken} />
            <button type="submit" class="button button-primary" disabled={issue.recipients === 0}>
              {t.send(issue.recipients)}
            </button>
          </form>
        </>
      ) : (
        <>
          <p role="status">{t.progress(progress.sent, progress.failed, progress.total)}</p>
          {issue.status === 'sending' && (
            <form method="post" action={sendAction}>
              <CsrfField token={p.csrfToken} />
              <a href={action} class="button button-secondary">
                {t.progressRefresh}
              </a>{' '}
              <button type="submit" class="button button-tertiary">
                {t.resume}
              </button>
            </form>
          )}
        </>
      )}
      <h2>{t.preview}</h2>
      <div class="border p-5">
        <IssueBody body={issue.body} />
      </div>
      {issue.status === 'draft' && (
        <>
          <h2 class="mt-8">{t.save}</h2>
          <IssueForm {...p} action={action} />
        </>
      )}
    </>
  );
}
