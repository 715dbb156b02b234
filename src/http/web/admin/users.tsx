import type { Hono } from 'hono';
import { type UserAdministration, userAdministration } from '../../../domain/accounts/administration.ts';
import { createUser } from '../../../domain/accounts/commands.ts';
import { createUserForm } from '../../../domain/accounts/schemas.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import type { Messages } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import {
  Alert,
  ErrorSummary,
  type FieldErrors,
  RequiredFieldsNote,
  SelectField,
  TextField,
} from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { onPage } from '../routes.ts';

function UserTable({ m, users, lang }: { m: Messages; users: UserAdministration['users']; lang: Lang }) {
  return (
    <ScrollingTable label={m.admin.usersTitle}>
      <table class="table table--zebra">
        <caption class="sr-only">{m.admin.usersTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.admin.userName}</th>
            <th scope="col">{m.admin.userEmail}</th>
            <th scope="col">{m.admin.userRoles}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>
                <a href={pageHref('adminUser', lang, { id: u.id })}>{u.name}</a>
              </td>
              <td>{u.email}</td>
              <td>{u.roles.map((r) => `${m.roles[r.role]} (${r.organisationName})`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The form for a new user with one membership, with the values as typed and their errors. */
function NewUserForm(p: {
  ch: Chrome;
  admin: UserAdministration;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { ch, values: v, errors } = p;
  const { m } = ch;
  return (
    <form method="post" action={href('adminUsers', ch.lang)} novalidate>
      {/* Every field of createUserForm is required. */}
      <RequiredFieldsNote m={m} />
      <CsrfField token={ch.csrfToken} />
      <TextField name="name" label={m.admin.userName} value={v.name} error={errors.name} autocomplete="off" />
      <TextField
        name="email"
        type="email"
        label={m.admin.userEmail}
        value={v.email}
        error={errors.email}
        autocomplete="off"
      />
      <SelectField
        name="organisationId"
        label={m.admin.organisation}
        placeholder={m.admin.choose}
        value={v.organisationId}
        error={errors.organisationId}
        options={p.admin.organisations.map((o) => ({
          value: o.id,
          label: `${o.name} (${m.orgKinds[o.kind]})`,
        }))}
      />
      <SelectField
        name="role"
        label={m.admin.role}
        placeholder={m.admin.choose}
        value={v.role}
        error={errors.role}
        options={p.admin.roles.map((r) => ({ value: r, label: m.roles[r] }))}
      />
      <button type="submit" class="button button-primary">
        {m.admin.createUser}
      </button>
    </form>
  );
}

async function usersPage(
  c: AppContext,
  opts: {
    values?: Record<string, string>;
    errors?: FieldErrors;
    created?: string;
    status?: 200 | 409 | 422;
  } = {},
) {
  const m = c.get('m');
  const admin = await userAdministration(c.get('deps').db, callerOf(c));
  return renderPage(
    c,
    m.admin.usersTitle,
    (ch) => (
      <>
        <h1>{m.admin.usersTitle}</h1>
        {opts.created && <Alert variant="success">{m.admin.userCreated(opts.created)}</Alert>}
        <UserTable m={m} users={admin.users} lang={ch.lang} />
        <h2>{m.admin.createUser}</h2>
        <p>{m.admin.createUserIntro}</p>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={m} errors={opts.errors ?? {}} />
            <NewUserForm ch={ch} admin={admin} values={opts.values ?? {}} errors={opts.errors ?? {}} />
          </div>
        </div>
      </>
    ),
    opts.status ?? 200,
  );
}

/** The new user's fields, for errors naming them. */
const userLabels = (m: Messages) => ({
  name: m.admin.userName,
  email: m.admin.userEmail,
  organisationId: m.admin.organisation,
  role: m.admin.role,
});

/** The users and their roles, and the form that creates a user and mails a set-password link. */
export function registerUserPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminUsers', (c) => usersPage(c, { created: c.req.query('created') }));

  onPage(app, 'POST', 'adminUsers', async (c) => {
    const caller = callerOf(c);
    const deps = c.get('deps');
    const m = c.get('m');
    const values = formFields(await c.req.parseBody());
    const parsed = createUserForm.safeParse(values);
    if (!parsed.success)
      return usersPage(c, {
        values,
        errors: toFieldErrors(parsed.error.issues, m, {}, userLabels(m)),
        status: 422,
      });
    let created: Awaited<ReturnType<typeof createUser>>;
    try {
      created = await createUser(deps.db, caller, parsed.data, deps.clock());
    } catch (e) {
      if (e instanceof AppError && (e.code === 'conflict' || e.code === 'validation')) {
        const errors = toFieldErrors(e.issues, m, { emailTaken: m.admin.emailTaken }, userLabels(m));
        return usersPage(c, { values, errors, status: e.code === 'conflict' ? 409 : 422 });
      }
      throw e;
    }
    const lang = c.get('lang');
    const link = `${deps.config.publicUrl}${href('resetPassword', lang, { token: created.token })}`;
    await deps.mailer.send({
      to: created.user.email,
      subject: m.admin.inviteSubject,
      text: m.admin.inviteBody(created.user.name, link),
    });
    return c.redirect(href('adminUsers', lang, { created: created.user.email }), 303);
  });
}
