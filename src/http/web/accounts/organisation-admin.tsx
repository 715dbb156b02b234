import type { Hono } from 'hono';
import { administeredOrganisations, organisationMembers } from '../../../domain/accounts/administration.ts';
import { inviteMember } from '../../../domain/accounts/commands.ts';
import {
  changeMembershipRole,
  grantableRoles,
  managedOrganisation,
  removeMembership,
} from '../../../domain/accounts/memberships.ts';
import { createUserForm } from '../../../domain/accounts/schemas.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { organisationMessages } from '../admin/messages.ts';
import { lastAdminText } from '../admin/organisations.tsx';
import { MemberTable } from '../admin/views/organisations.tsx';
import { onPage } from '../routes.ts';
import { organisationAdminMessages } from './organisation-messages.ts';

/**
 * An organisation admin's own pages (docs/organisations.md): the organisations whose users they
 * manage, and for each its users with their roles, an invitation form, role changes and removal.
 * The domain decides who may (`members.manage`) and which roles can be given.
 */

type FormState = {
  values?: Record<string, string>;
  errors?: FieldErrors;
  memberError?: string;
  status?: 200 | 409 | 422;
};

async function listPage(c: AppContext) {
  const t = organisationAdminMessages(c.get('lang'));
  const organisations = await administeredOrganisations(c.get('deps').db, callerOf(c));
  return renderPage(c, t.listTitle, ({ lang }) => (
    <>
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      <ul>
        {organisations.map((o) => (
          <li>
            <a href={pageHref('accountOrganisation', lang, { id: o.id })}>{o.name}</a>
          </li>
        ))}
      </ul>
    </>
  ));
}

const SAVED = ['invited', 'added', 'role', 'removed'] as const;

async function organisationPage(c: AppContext, form: FormState = {}) {
  const { db } = c.get('deps');
  const caller = callerOf(c);
  const lang = c.get('lang');
  const m = c.get('m');
  const t = organisationAdminMessages(lang);
  const to = organisationMessages(lang);
  const org = await managedOrganisation(db, caller, c.req.param('id') ?? '');
  const members = await organisationMembers(db, caller, org.id);
  const roles = grantableRoles(caller.principal, org.kind);
  const saved = SAVED.find((s) => s === c.req.query('saved'));
  const who = c.req.query('email') ?? '';
  const values = form.values ?? {};
  const errors = form.errors ?? {};
  return renderPage(
    c,
    t.title(org.name),
    (ch) => (
      <>
        <p>
          <a href={href('accountOrganisations', ch.lang)}>{t.back}</a>
        </p>
        <h1>{t.title(org.name)}</h1>
        <p class="font-lead">{t.intro}</p>
        {saved === 'invited' && <Alert variant="success">{t.invited(who)}</Alert>}
        {saved === 'added' && <Alert variant="success">{t.added(who)}</Alert>}
        {saved === 'role' && <Alert variant="success">{to.roleChanged}</Alert>}
        {saved === 'removed' && <Alert variant="success">{to.removed}</Alert>}
        {form.memberError && <Alert variant="error">{form.memberError}</Alert>}
        <h2>{to.members}</h2>
        <div class="table--responsive-scroll">
          <MemberTable
            v={{ ch, t: to }}
            actions={{
              role: pageHref('accountOrganisationRole', ch.lang, { id: org.id }),
              remove: pageHref('accountOrganisationRemove', ch.lang, { id: org.id }),
            }}
            members={members}
            roles={roles}
          />
        </div>
        <h2>{t.invite}</h2>
        <p>{t.inviteIntro}</p>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={m} errors={errors} />
            <form
              method="post"
              action={pageHref('accountOrganisationInvite', ch.lang, { id: org.id })}
              novalidate
            >
              <CsrfField token={ch.csrfToken} />
              <TextField name="name" label={m.admin.userName} value={values.name} error={errors.name} />
              <TextField
                name="email"
                type="email"
                label={m.admin.userEmail}
                value={values.email}
                error={errors.email}
                autocomplete="off"
              />
              <SelectField
                name="role"
                label={m.admin.role}
                placeholder={m.admin.choose}
                value={values.role}
                error={errors.role}
                options={roles.map((r) => ({ value: r, label: m.roles[r] }))}
              />
              <button type="submit" class="button button-primary">
                {t.inviteButton}
              </button>
            </form>
          </div>
        </div>
      </>
    ),
    form.status ?? (form.memberError ? 409 : 200),
  );
}

/** Invites a new user or adds the role to an existing one, and mails them; refusals on the form. */
async function invite(c: AppContext) {
  const deps = c.get('deps');
  const m = c.get('m');
  const lang = c.get('lang');
  const t = organisationAdminMessages(lang);
  const to = organisationMessages(lang);
  const caller = callerOf(c);
  const id = c.req.param('id') ?? '';
  const org = await managedOrganisation(deps.db, caller, id);
  const values = formFields(await c.req.parseBody());
  const labels = { name: m.admin.userName, email: m.admin.userEmail, role: m.admin.role };
  const parsed = createUserForm.safeParse({ ...values, organisationId: org.id });
  if (!parsed.success)
    return organisationPage(c, {
      values,
      errors: toFieldErrors(parsed.error.issues, m, {}, labels),
      status: 422,
    });
  let invited: Awaited<ReturnType<typeof inviteMember>>;
  try {
    invited = await inviteMember(deps.db, caller, parsed.data, deps.clock());
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'validation')) throw e;
    const texts = { roleHeld: to.roleHeld, roleNotGrantable: to.roleNotGrantable };
    const errors = toFieldErrors(e.issues, m, texts, labels);
    return organisationPage(c, { values, errors, status: e.code === 'conflict' ? 409 : 422 });
  }
  const site = deps.config.publicUrl;
  const { user, token } = invited;
  await deps.mailer.send(
    token
      ? {
          to: user.email,
          subject: m.admin.inviteSubject,
          text: m.admin.inviteBody(user.name, `${site}${href('resetPassword', lang, { token })}`),
        }
      : {
          to: user.email,
          subject: t.addedSubject(org.name),
          text: t.addedBody(user.name, org.name, m.roles[parsed.data.role], `${site}${href('login', lang)}`),
        },
  );
  const saved = token ? 'invited' : 'added';
  return c.redirect(pageHref('accountOrganisation', lang, { id }, { saved, email: user.email }), 303);
}

/** Changes or takes away one role; the last organisation admin keeps theirs (409), shown above the users. */
async function changeMember(c: AppContext, change: 'role' | 'remove') {
  const to = organisationMessages(c.get('lang'));
  const id = c.req.param('id') ?? '';
  const fields = formFields(await c.req.parseBody());
  const membership = { organisationId: id, userId: fields.userId ?? '', role: fields.role ?? '' };
  try {
    if (change === 'role')
      await changeMembershipRole(c.get('deps').db, callerOf(c), {
        ...membership,
        newRole: fields.newRole ?? '',
      });
    else await removeMembership(c.get('deps').db, callerOf(c), membership);
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'validation')) throw e;
    const issue = e.issues[0]?.message;
    const text =
      issue === 'roleHeld'
        ? to.roleHeld
        : issue === 'roleNotGrantable'
          ? to.roleNotGrantable
          : lastAdminText(e, to);
    return organisationPage(c, { memberError: text, status: e.code === 'conflict' ? 409 : 422 });
  }
  const saved = change === 'role' ? 'role' : 'removed';
  return c.redirect(pageHref('accountOrganisation', c.get('lang'), { id }, { saved }), 303);
}

export function registerOrganisationAdminPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'accountOrganisations', listPage);
  onPage(app, 'GET', 'accountOrganisation', (c) => organisationPage(c));
  onPage(app, 'POST', 'accountOrganisationInvite', invite);
  onPage(app, 'POST', 'accountOrganisationRole', (c) => changeMember(c, 'role'));
  onPage(app, 'POST', 'accountOrganisationRemove', (c) => changeMember(c, 'remove'));
}
