import type { Hono } from 'hono';
import { changePassword } from '../../../domain/accounts/commands.ts';
import { MIN_PASSWORD_LENGTH } from '../../../domain/accounts/passwords.ts';
import { ownAccount } from '../../../domain/accounts/queries.ts';
import { changePasswordForm } from '../../../domain/accounts/schemas.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';

async function accountPage(
  c: AppContext,
  opts: { errors?: FieldErrors; changed?: boolean; status?: 200 | 422 } = {},
) {
  const m = c.get('m');
  const user = await ownAccount(c.get('deps').db, callerOf(c));
  return renderPage(
    c,
    m.account.title,
    (ch) => (
      <>
        <h1>{m.account.title}</h1>
        {opts.changed && <Alert variant="success">{m.account.passwordChanged}</Alert>}
        <dl class="summary-list">
          <dt>{m.account.name}</dt>
          <dd>{user.name}</dd>
          <dt>{m.account.email}</dt>
          <dd>{user.email}</dd>
        </dl>
        <h2>{m.account.memberships}</h2>
        {user.memberships.length === 0 ? (
          <p>{m.account.noMemberships}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{m.account.organisation}</th>
                <th scope="col">{m.account.role}</th>
              </tr>
            </thead>
            <tbody>
              {user.memberships.map((ms) => (
                <tr>
                  <td>{ms.organisationName}</td>
                  <td>{m.roles[ms.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{m.account.changePassword}</h2>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={m} errors={opts.errors ?? {}} />
            <form method="post" action={href('account', ch.lang)} novalidate>
              <CsrfField token={ch.csrfToken} />
              <TextField
                name="current"
                type="password"
                label={m.account.currentPassword}
                autocomplete="current-password"
                error={opts.errors?.current}
              />
              <TextField
                name="password"
                type="password"
                label={m.account.newPassword}
                hint={m.reset.passwordHint(MIN_PASSWORD_LENGTH)}
                autocomplete="new-password"
                error={opts.errors?.password}
              />
              <TextField
                name="confirm"
                type="password"
                label={m.account.confirmPassword}
                autocomplete="new-password"
                error={opts.errors?.confirm}
              />
              <button type="submit" class="button button-primary">
                {m.account.submitPassword}
              </button>
            </form>
          </div>
        </div>
      </>
    ),
    opts.status ?? 200,
  );
}

export function registerAccountPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'account', (c) =>
    accountPage(c, { changed: c.req.query('status') === 'password-changed' }),
  );

  onPage(app, 'POST', 'account', async (c) => {
    const caller = callerOf(c);
    const m = c.get('m');
    const parsed = changePasswordForm.safeParse(formFields(await c.req.parseBody()));
    if (!parsed.success)
      return accountPage(c, { errors: toFieldErrors(parsed.error.issues, m), status: 422 });
    try {
      await changePassword(c.get('deps').db, caller, parsed.data, c.get('sessionToken') ?? '');
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') {
        return accountPage(c, {
          errors: toFieldErrors(e.issues, m, { wrongCurrent: m.account.wrongCurrent }),
          status: 422,
        });
      }
      throw e;
    }
    return c.redirect(href('account', c.get('lang'), { status: 'password-changed' }), 303);
  });
}
