import type { Hono } from 'hono';
import { changePassword } from '../../../domain/accounts/commands.ts';
import { type AccountSecurity, ownAccountSecurity } from '../../../domain/accounts/identities.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/passwords.ts';
import { type CurrentUser, ownAccount } from '../../../domain/accounts/queries.ts';
import { changePasswordForm } from '../../../domain/accounts/schemas.ts';
import { AppError } from '../../../domain/errors.ts';
import { attentionOf } from '../../../domain/landing/attention.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime, type Messages } from '../../i18n/index.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { AttentionList } from '../landing/views/attention.tsx';
import { newsletterMessages } from '../newsletter/messages.ts';
import { personalDataMessages } from '../personal-data/messages.ts';
import { onPage } from '../routes.ts';
import { identityMessages } from './messages.ts';

function MembershipTable({ m, account }: { m: Messages; account: CurrentUser }) {
  if (account.memberships.length === 0) return <p>{m.account.noMemberships}</p>;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">{m.account.organisation}</th>
          <th scope="col">{m.account.role}</th>
        </tr>
      </thead>
      <tbody>
        {account.memberships.map((ms) => (
          <tr>
            <td>{ms.organisationName}</td>
            <td>{m.roles[ms.role]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PasswordForm({ ch, errors }: { ch: Chrome; errors: FieldErrors }) {
  const { m } = ch;
  return (
    <form method="post" action={href('account', ch.lang)} novalidate>
      <CsrfField token={ch.csrfToken} />
      <TextField
        name="current"
        type="password"
        label={m.account.currentPassword}
        autocomplete="current-password"
        error={errors.current}
      />
      <TextField
        name="password"
        type="password"
        label={m.account.newPassword}
        hint={m.reset.passwordHint(MIN_PASSWORD_LENGTH)}
        autocomplete="new-password"
        error={errors.password}
      />
      <TextField
        name="confirm"
        type="password"
        label={m.account.confirmPassword}
        autocomplete="new-password"
        error={errors.confirm}
      />
      <button type="submit" class="button button-primary">
        {m.account.submitPassword}
      </button>
    </form>
  );
}

/** The identities linked to the account, and a button to link each configured provider not linked yet. */
function Identities({ c, ch, security }: { c: AppContext; ch: Chrome; security: AccountSecurity }) {
  const t = identityMessages(ch.lang).providers;
  const providers = c.get('deps').identityProviders;
  const unlinked = providers.providers.filter((p) => !security.identities.some((i) => i.provider === p.id));
  if (providers.providers.length === 0 && security.identities.length === 0) return null;
  return (
    <>
      <h2>{t.identitiesHeading}</h2>
      {security.identities.length === 0 ? (
        <p>{t.identitiesNone}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.provider}</th>
              <th scope="col">{t.linkedAt}</th>
            </tr>
          </thead>
          <tbody>
            {security.identities.map((i) => (
              <tr>
                <td>{providers.provider(i.provider)?.name ?? i.provider}</td>
                <td>{formatDateTime(i.createdAt, ch.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unlinked.map((p) => (
        <form
          method="post"
          action={pageHref('accountLinkIdentity', ch.lang, { provider: p.id })}
          class="mb-4"
        >
          <CsrfField token={ch.csrfToken} />
          <button type="submit" class="button button-secondary">
            {t.linkButton(p.name)}
          </button>
        </form>
      ))}
    </>
  );
}

/** Links to the account's two-step login, sessions, personal data and newsletter. */
function SecurityLinks({ ch, security }: { ch: Chrome; security: AccountSecurity }) {
  const t = identityMessages(ch.lang);
  return (
    <ul>
      <li>
        <a href={href('secondFactorSetup', ch.lang)}>{t.secondFactor.title}</a>:{' '}
        {security.secondFactor.enrolled ? t.secondFactor.enrolled : t.secondFactor.notEnrolled}
      </li>
      <li>
        <a href={href('accountSessions', ch.lang)}>{t.sessions.link}</a>
      </li>
      <li>
        <a href={href('personalData', ch.lang)}>{personalDataMessages(ch.lang).own.link}</a>
      </li>
      <li>
        <a href={href('newsletterAccount', ch.lang)}>{newsletterMessages(ch.lang).accountTitle}</a>
      </li>
    </ul>
  );
}

function statusAlert(c: AppContext): string | null {
  const t = identityMessages(c.get('lang')).providers;
  const status = c.req.query('status');
  if (status === 'linked') {
    const provider = c.get('deps').identityProviders.provider(c.req.query('provider') ?? '');
    return provider ? t.linked(provider.name) : null;
  }
  return null;
}

async function accountPage(
  c: AppContext,
  opts: { errors?: FieldErrors; changed?: boolean; status?: 200 | 422 } = {},
) {
  const m = c.get('m');
  const { db, clock } = c.get('deps');
  const caller = callerOf(c);
  // Also the landing page of those whose work has no page of its own: what waits for them.
  const [account, security, attention] = await Promise.all([
    ownAccount(db, caller),
    ownAccountSecurity(db, caller),
    attentionOf(db, caller, clock()),
  ]);
  const linked = statusAlert(c);
  return renderPage(
    c,
    m.account.title,
    (ch) => (
      <>
        <h1>{m.account.title}</h1>
        {opts.changed && <Alert variant="success">{m.account.passwordChanged}</Alert>}
        {linked && <Alert variant="success">{linked}</Alert>}
        {c.req.query('status') === 'link-taken' && (
          <Alert variant="error">{identityMessages(ch.lang).providers.linkTaken}</Alert>
        )}
        <AttentionList items={attention} lang={ch.lang} />
        <h2>{m.account.you}</h2>
        <dl class="summary-list">
          <dt>{m.account.name}</dt>
          <dd>{account.name}</dd>
          <dt>{m.account.email}</dt>
          <dd>{account.email}</dd>
        </dl>
        <h2>{m.account.memberships}</h2>
        <MembershipTable m={m} account={account} />
        <h2>{m.account.security}</h2>
        <SecurityLinks ch={ch} security={security} />
        <Identities c={c} ch={ch} security={security} />
        {security.hasPassword && (
          <>
            <h2>{m.account.changePassword}</h2>
            <div class="row">
              <div class="col-12 col-md-8 col-lg-6">
                <ErrorSummary m={m} errors={opts.errors ?? {}} />
                <PasswordForm ch={ch} errors={opts.errors ?? {}} />
              </div>
            </div>
          </>
        )}
      </>
    ),
    opts.status ?? 200,
  );
}

/** The password form's fields, for errors naming them. */
const passwordLabels = (m: Messages) => ({
  current: m.account.currentPassword,
  password: m.account.newPassword,
  confirm: m.account.confirmPassword,
});

export function registerAccountPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'account', (c) =>
    accountPage(c, { changed: c.req.query('status') === 'password-changed' }),
  );

  onPage(app, 'POST', 'account', async (c) => {
    const caller = callerOf(c);
    const m = c.get('m');
    const parsed = changePasswordForm.safeParse(formFields(await c.req.parseBody()));
    if (!parsed.success)
      return accountPage(c, {
        errors: toFieldErrors(parsed.error.issues, m, {}, passwordLabels(m)),
        status: 422,
      });
    try {
      await changePassword(c.get('deps').db, caller, parsed.data, c.get('sessionToken') ?? '');
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') {
        return accountPage(c, {
          errors: toFieldErrors(e.issues, m, { wrongCurrent: m.account.wrongCurrent }, passwordLabels(m)),
          status: 422,
        });
      }
      throw e;
    }
    return c.redirect(href('account', c.get('lang'), { status: 'password-changed' }), 303);
  });
}
