import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { archive, archivedIssue } from '../../../domain/newsletter/issues.ts';
import {
  accountSubscription,
  confirmSignup,
  signUp,
  subscribeAccount,
  subscriberOfLink,
  unsubscribeAccount,
  unsubscribeByLink,
} from '../../../domain/newsletter/subscribers.ts';
import { confirmationToken } from '../../../domain/newsletter/tokens.ts';
import { callerOf } from '../../caller.ts';
import { clientIp } from '../../client-ip.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { newsletterMessages } from './messages.ts';
import { AccountView, ArchivedIssueView, ArchiveView, LinkActionView, SignupView } from './views/public.tsx';

const messagesOf = (c: AppContext) => newsletterMessages(c.get('lang'));
const tokenOf = (c: AppContext) => c.req.param('token') ?? '';
const secretOf = (c: AppContext) => c.get('deps').config.sessionSecret;

function signupPage(c: AppContext, form: PostedForm = EMPTY_FORM, done = false) {
  const t = messagesOf(c);
  return renderPage(
    c,
    t.title,
    ({ csrfToken, m }) => (
      <SignupView
        form={form}
        done={done}
        signedIn={Boolean(c.get('user'))}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

/** Records a sign-up and mails its confirmation link; rate limited like the other mail-sending forms. */
async function signup(c: AppContext) {
  const deps = c.get('deps');
  const t = messagesOf(c);
  const body = await c.req.parseBody({ all: true });
  const values = {
    email: formText(body.email),
    name: formText(body.name),
    interests: formList(body.interests),
  };
  const wait = await deps.limiters.mail.consume(clientIp(c)).then(
    () => 0,
    (r: { msBeforeNext: number }) => Math.ceil(r.msBeforeNext / 1000),
  );
  if (wait > 0) throw new AppError('rate_limited', c.get('m').login.rateLimited(wait));
  const lang = c.get('lang');
  let pending: Awaited<ReturnType<typeof signUp>>;
  try {
    pending = await signUp(deps.db, values, lang, deps.clock(), c.get('requestId'));
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const labels = { email: t.email, name: t.name, interests: t.interests };
    return signupPage(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
  }
  // The page answers alike whether or not the address already receives the newsletter.
  if (pending) {
    const token = confirmationToken(secretOf(c), pending.subscriberId, deps.clock());
    const link = `${deps.config.publicUrl.replace(/\/$/, '')}${pageHref('newsletterConfirm', lang, { token })}`;
    await deps.jobs.enqueue('mail', {
      to: pending.email,
      subject: t.confirmMailSubject,
      text: t.confirmMailBody(pending.name, link),
    });
  }
  return signupPage(c, EMPTY_FORM, true);
}

/**
 * The page of a confirmation link asks for a press before it confirms: a mail scanner that
 * follows links confirms nothing.
 */
async function confirmPage(c: AppContext, posted: boolean) {
  const t = messagesOf(c);
  const { db, clock } = c.get('deps');
  let outcome: { variant: 'success' | 'error'; text: string } | null = null;
  let status: 200 | 404 | 410 = 200;
  if (posted) {
    try {
      await confirmSignup(db, secretOf(c), tokenOf(c), clock());
      outcome = { variant: 'success', text: t.confirmed };
    } catch (err) {
      if (!(err instanceof AppError && (err.code === 'conflict' || err.code === 'not_found'))) throw err;
      status = err.code === 'conflict' ? 410 : 404;
      outcome = { variant: 'error', text: err.code === 'conflict' ? t.expired : t.invalid };
    }
  }
  return renderPage(
    c,
    t.confirmTitle,
    ({ csrfToken }) => (
      <LinkActionView
        heading={t.confirmTitle}
        question={t.confirmLead}
        button={t.confirm}
        action={pageHref('newsletterConfirm', c.get('lang'), { token: tokenOf(c) })}
        outcome={outcome}
        csrfToken={csrfToken}
        lang={c.get('lang')}
        t={t}
      />
    ),
    status,
  );
}

/**
 * The unsubscribe link of every mail. GET asks (a link checker unsubscribes nobody); POST
 * unsubscribes, from this page's button or from a mail client's one-click POST (RFC 8058), which
 * has no session and no form token: the signed link is the authority (src/http/middleware/csrf.ts).
 */
async function unsubscribePage(c: AppContext, posted: boolean) {
  const t = messagesOf(c);
  const { db, clock } = c.get('deps');
  const subscriber = await subscriberOfLink(db, secretOf(c), tokenOf(c));
  if (posted) await unsubscribeByLink(db, secretOf(c), tokenOf(c), clock());
  const done = posted || subscriber.unsubscribed;
  return renderPage(c, t.unsubscribeTitle, ({ csrfToken }) => (
    <LinkActionView
      heading={t.unsubscribeTitle}
      question={t.unsubscribeLead(subscriber.email)}
      button={t.unsubscribe}
      action={pageHref('newsletterUnsubscribe', c.get('lang'), { token: tokenOf(c) })}
      outcome={done ? { variant: 'success', text: t.unsubscribed } : null}
      csrfToken={csrfToken}
      lang={c.get('lang')}
      t={t}
    />
  ));
}

async function archivePage(c: AppContext) {
  const t = messagesOf(c);
  const issues = await archive(c.get('deps').db);
  return renderPage(c, t.archiveTitle, () => <ArchiveView issues={issues} lang={c.get('lang')} t={t} />);
}

async function archivedPage(c: AppContext) {
  const issue = await archivedIssue(c.get('deps').db, c.req.param('id') ?? '');
  return renderPage(c, issue.subject, () => (
    <ArchivedIssueView issue={issue} lang={c.get('lang')} t={messagesOf(c)} />
  ));
}

async function accountPage(c: AppContext, notice: string | null = null) {
  const t = messagesOf(c);
  const subscription = await accountSubscription(c.get('deps').db, callerOf(c));
  return renderPage(c, t.accountTitle, ({ csrfToken }) => (
    <AccountView {...subscription} notice={notice} csrfToken={csrfToken} lang={c.get('lang')} t={t} />
  ));
}

async function accountChange(c: AppContext) {
  const { db, clock } = c.get('deps');
  const body = await c.req.parseBody({ all: true });
  const t = messagesOf(c);
  if (body.action === 'unsubscribe') {
    await unsubscribeAccount(db, callerOf(c), clock());
    return accountPage(c, t.unsubscribed);
  }
  await subscribeAccount(db, callerOf(c), { interests: formList(body.interests) }, clock());
  return accountPage(c, t.accountSubscribed);
}

/** The public newsletter pages: sign-up, its signed links, the archive, and a user's own subscription. */
export function registerNewsletterPublicPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'newsletter', (c) => signupPage(c));
  onPage(app, 'POST', 'newsletter', signup);
  onPage(app, 'GET', 'newsletterArchive', archivePage);
  onPage(app, 'GET', 'newsletterArchived', archivedPage);
  onPage(app, 'GET', 'newsletterConfirm', (c) => confirmPage(c, false));
  onPage(app, 'POST', 'newsletterConfirm', (c) => confirmPage(c, true));
  onPage(app, 'GET', 'newsletterUnsubscribe', (c) => unsubscribePage(c, false));
  onPage(app, 'POST', 'newsletterUnsubscribe', (c) => unsubscribePage(c, true));
  onPage(app, 'GET', 'newsletterAccount', (c) => accountPage(c));
  onPage(app, 'POST', 'newsletterAccount', accountChange);
}
