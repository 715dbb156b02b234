import { raw } from 'hono/html';
import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { renderMarkdown } from '../../../../domain/content/markdown.ts';
import type { NewsletterIssue } from '../../../../domain/newsletter/issues.ts';
import { formatDay, type Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  Checkboxes,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { NewsletterMessages } from '../messages.ts';

type Shared = { lang: Lang; t: NewsletterMessages };

export const themeOptions = (lang: Lang) => THEMES.map((th) => ({ value: th.key, label: th[lang] }));

/** The public sign-up form, or its thanks once posted. */
export function SignupView(
  p: Shared & { form: PostedForm; done: boolean; signedIn: boolean; csrfToken: string; m: Messages },
) {
  const { t, form, lang } = p;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>
        <a href={href('newsletterArchive', lang)}>{t.archiveLink}</a>
      </p>
      {p.signedIn && (
        <p>
          <a href={href('newsletterAccount', lang)}>{t.accountLink}</a>
        </p>
      )}
      {p.done ? (
        <Alert variant="success">{t.checkInbox}</Alert>
      ) : (
        <>
          <ErrorSummary m={p.m} errors={form.errors} />
          <form method="post" action={href('newsletter', lang)} novalidate>
            <CsrfField token={p.csrfToken} />
            <TextField
              name="email"
              type="email"
              label={t.email}
              autocomplete="email"
              value={formText(form.values.email)}
              error={form.errors.email}
            />
            <TextField
              name="name"
              label={t.name}
              autocomplete="name"
              value={formText(form.values.name)}
              error={form.errors.name}
            />
            <Checkboxes
              name="interests"
              legend={t.interests}
              options={themeOptions(lang)}
              checked={formList(form.values.interests)}
              error={form.errors.interests}
            />
            <p class="form-hint">{t.consent}</p>
            <button type="submit" class="button button-primary">
              {t.signUp}
            </button>
          </form>
        </>
      )}
    </>
  );
}

/** A page of one signed link: a question with its button, or the outcome. */
export function LinkActionView(
  p: Shared & {
    heading: string;
    question: string;
    button: string;
    action: string;
    outcome: { variant: 'success' | 'error'; text: string } | null;
    csrfToken: string;
  },
) {
  return (
    <>
      <h1>{p.heading}</h1>
      {p.outcome ? (
        <Alert variant={p.outcome.variant}>{p.outcome.text}</Alert>
      ) : (
        <form method="post" action={p.action}>
          <CsrfField token={p.csrfToken} />
          <p>{p.question}</p>
          <button type="submit" class="button button-primary">
            {p.button}
          </button>
        </form>
      )}
    </>
  );
}

export function ArchiveView(p: Shared & { issues: NewsletterIssue[] }) {
  const { t, lang } = p;
  return (
    <>
      <h1>{t.archiveTitle}</h1>
      <p>
        <a href={href('newsletter', lang)}>{t.signUp}</a>
      </p>
      {p.issues.length === 0 ? (
        <p>{t.archiveNone}</p>
      ) : (
        <ul class="nobullet-list">
          {p.issues.map((i) => (
            <li>
              <a href={pageHref('newsletterArchived', lang, { id: i.id })}>{i.subject}</a>
              {i.sentAt && (
                <span class="form-hint">
                  {' '}
                  {t.sentOn} {formatDay(i.sentAt, lang)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** An issue as Markdown rendered by the content area's sanitising renderer. */
export const IssueBody = ({ body }: { body: string }) => (
  <div class="content-body">{raw(renderMarkdown(body))}</div>
);

export function ArchivedIssueView(p: Shared & { issue: NewsletterIssue }) {
  const { t, lang, issue } = p;
  return (
    <>
      <p>
        <a href={href('newsletterArchive', lang)}>{t.archiveTitle}</a>
      </p>
      <h1>{issue.subject}</h1>
      {issue.sentAt && (
        <p class="form-hint">
          {t.sentOn} {formatDay(issue.sentAt, lang)}
        </p>
      )}
      <IssueBody body={issue.body} />
    </>
  );
}

/** The signed-in user's subscription: subscribe with topics, or unsubscribe. */
export function AccountView(
  p: Shared & {
    email: string;
    subscribed: boolean;
    interests: string[];
    notice: string | null;
    csrfToken: string;
  },
) {
  const { t, lang } = p;
  const action = href('newsletterAccount', lang);
  return (
    <>
      <h1>{p.t.accountTitle}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <p>{t.accountLead(p.email)}</p>
      <p>
        <strong>{p.subscribed ? t.accountSubscribed : t.accountNotSubscribed}</strong>
      </p>
      <form method="post" action={action}>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="action" value="subscribe" />
        <Checkboxes
          name="interests"
          legend={t.interests}
          options={themeOptions(lang)}
          checked={p.interests}
        />
        <button type="submit" class="button button-primary">
          {p.subscribed ? t.saveInterests : t.subscribe}
        </button>
      </form>
      {p.subscribed && (
        <form method="post" action={action} class="mt-6">
          <CsrfField token={p.csrfToken} />
          <input type="hidden" name="action" value="unsubscribe" />
          <button type="submit" class="button button-secondary">
            {t.unsubscribe}
          </button>
        </form>
      )}
      <p class="mt-6">
        <a href={href('newsletterArchive', lang)}>{t.archiveLink}</a>
      </p>
    </>
  );
}
