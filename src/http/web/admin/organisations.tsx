import type { Hono } from 'hono';
import { organisationMembers } from '../../../domain/accounts/administration.ts';
import {
  changeMembershipRole,
  grantableRoles,
  removeMembership,
} from '../../../domain/accounts/memberships.ts';
import { AppError } from '../../../domain/errors.ts';
import { organisationForEdit, organisationRegister } from '../../../domain/organisations/queries.ts';
import {
  createOrganisation,
  endOrganisation,
  updateOrganisation,
} from '../../../domain/organisations/register.ts';
import {
  endOrganisationForm,
  organisationForm,
  registerFilter,
} from '../../../domain/organisations/schemas.ts';
import { can } from '../../../domain/policy/policy.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { mergeMessages } from './merge-messages.ts';
import { type OrganisationMessages, organisationMessages } from './messages.ts';
import {
  EndForm,
  KindFilter,
  MemberTable,
  OrganisationForm,
  OrganisationTable,
  statusText,
} from './views/organisations.tsx';

type FormState = { values?: Record<string, string>; errors?: FieldErrors; status?: 200 | 409 | 422 };

const texts = (t: OrganisationMessages) => ({
  cvrInvalid: t.cvrInvalid,
  cvrTaken: t.cvrTaken,
  kindFixed: t.kindFixed,
});

/** A refused form: field errors with the area's texts, 409 for a conflict, 422 for bad input. */
function refused(e: unknown, c: AppContext, t: OrganisationMessages): Required<Omit<FormState, 'values'>> {
  if (!(e instanceof AppError) || (e.code !== 'validation' && e.code !== 'conflict')) throw e;
  const errors = toFieldErrors(e.issues, c.get('m'), texts(t));
  if (Object.keys(errors).length === 0) errors.form = t.alreadyEnded;
  return { errors, status: e.code === 'conflict' ? 409 : 422 };
}

async function registerPage(c: AppContext, form: FormState = {}) {
  const m = c.get('m');
  const t = organisationMessages(c.get('lang'));
  const filter = registerFilter.parse({ kind: c.req.query('kind') });
  const rows = await organisationRegister(c.get('deps').db, callerOf(c), filter);
  const errors = form.errors ?? {};
  return renderPage(
    c,
    t.title,
    (ch) => (
      <>
        <h1>{t.title}</h1>
        <p class="font-lead">{t.intro}</p>
        <KindFilter v={{ ch, t }} kind={filter.kind} />
        <OrganisationTable v={{ ch, t }} rows={rows} />
        <h2>{t.create}</h2>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={m} errors={errors} />
            <OrganisationForm
              v={{ ch, t }}
              action={href('adminOrganisations', ch.lang)}
              submit={t.create}
              values={form.values ?? {}}
              errors={errors}
            />
          </div>
        </div>
      </>
    ),
    form.status ?? 200,
  );
}

async function organisationPage(
  c: AppContext,
  form: FormState & { ending?: FormState; memberError?: string } = {},
) {
  const m = c.get('m');
  const t = organisationMessages(c.get('lang'));
  const { db } = c.get('deps');
  const caller = callerOf(c);
  const { organisation: o, successorCandidates } = await organisationForEdit(
    db,
    caller,
    c.req.param('id') ?? '',
  );
  // Support staff keep the register but not its users: the member list is for those who manage them.
  const mayManageMembers = can(caller.principal, 'members.manage', { organisationId: o.id });
  const members = mayManageMembers ? await organisationMembers(db, caller, o.id) : [];
  const roles = grantableRoles(caller.principal, o.kind);
  const saved = c.req.query('saved');
  const mergeLink = mergeMessages(c.get('lang')).link;
  const current: Record<string, string> = {
    name: o.name,
    kind: o.kind,
    cvr: o.cvr ?? '',
    address: o.address ?? '',
    municipalityCode: o.municipalityCode === null ? '' : String(o.municipalityCode),
    funderLevel: o.funderLevel ?? '',
    league: o.league ?? '',
  };
  const errors = form.errors ?? {};
  const endErrors = form.ending?.errors ?? {};
  return renderPage(
    c,
    t.edit(o.name),
    (ch) => (
      <>
        <p>
          <a href={href('adminOrganisations', ch.lang)}>{t.back}</a>
        </p>
        <h1>{t.edit(o.name)}</h1>
        {saved === 'created' && <Alert variant="success">{t.created(o.name)}</Alert>}
        {saved === 'edited' && <Alert variant="success">{t.saved}</Alert>}
        {saved === 'ended' && <Alert variant="success">{t.ended}</Alert>}
        {saved === 'merged' && <Alert variant="success">{t.merged}</Alert>}
        {saved === 'removed' && <Alert variant="success">{t.removed}</Alert>}
        {saved === 'role' && <Alert variant="success">{t.roleChanged}</Alert>}
        {form.memberError && <Alert variant="error">{form.memberError}</Alert>}
        <p>
          {t.kind}: {ch.m.orgKinds[o.kind]}. {t.status}: {statusText(t, o)}.
        </p>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={m} errors={errors} />
            <OrganisationForm
              v={{ ch, t }}
              action={pageHref('adminOrganisation', ch.lang, { id: o.id })}
              submit={t.save}
              values={form.values ?? current}
              errors={errors}
              kindFixed
            />
            {mayManageMembers && (
              <>
                <h2>{t.members}</h2>
                <MemberTable
                  v={{ ch, t }}
                  actions={{
                    role: pageHref('adminOrganisationMemberRole', ch.lang, { id: o.id }),
                    remove: pageHref('adminOrganisationMemberRemove', ch.lang, { id: o.id }),
                  }}
                  members={members}
                  roles={roles}
                />
                <p>
                  <a href={href('adminUsers', ch.lang)}>{t.invite}</a>
                </p>
              </>
            )}
            <p>
              <a href={pageHref('adminOrganisationMerge', ch.lang, { id: o.id })}>{mergeLink}</a>
            </p>
            {!o.endedOn && (
              <>
                <h2>{t.endHeading}</h2>
                <p>{t.endIntro}</p>
                <ErrorSummary m={m} errors={endErrors} />
                <EndForm
                  v={{ ch, t }}
                  id={o.id}
                  successors={successorCandidates}
                  values={form.ending?.values ?? {}}
                  errors={endErrors}
                />
              </>
            )}
          </div>
        </div>
      </>
    ),
    form.status ?? form.ending?.status ?? (form.memberError ? 409 : 200),
  );
}

/** Takes one role in the organisation from a user; the last administrator keeps theirs (409). */
async function removeMember(c: AppContext) {
  const t = organisationMessages(c.get('lang'));
  const id = c.req.param('id') ?? '';
  const fields = formFields(await c.req.parseBody());
  try {
    // The command checks the caller first, then the values (an unknown membership is not_found).
    await removeMembership(c.get('deps').db, callerOf(c), {
      organisationId: id,
      userId: fields.userId ?? '',
      role: fields.role ?? '',
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict')
      return organisationPage(c, { memberError: lastAdminText(e, t) });
    throw e;
  }
  return c.redirect(pageHref('adminOrganisation', c.get('lang'), { id }, { saved: 'removed' }), 303);
}

/** Which last administrator a refused change would take: the installation's or the organisation's. */
export const lastAdminText = (e: AppError, t: OrganisationMessages) =>
  e.message.includes('organisation_admin') ? t.lastOrganisationAdmin : t.lastAdmin;

/** Why a role change was refused (by changeMembershipRole), in the person's words. */
export function roleChangeRefusal(e: AppError, t: OrganisationMessages): string {
  const issue = e.issues[0]?.message;
  if (issue === 'roleHeld') return t.roleHeld;
  if (issue === 'roleNotGrantable') return t.roleNotGrantable;
  return lastAdminText(e, t);
}

/** Changes one role of a user in the organisation in place; refusals are shown above the members (409/422). */
async function changeMemberRole(c: AppContext) {
  const t = organisationMessages(c.get('lang'));
  const id = c.req.param('id') ?? '';
  const fields = formFields(await c.req.parseBody());
  try {
    await changeMembershipRole(c.get('deps').db, callerOf(c), {
      organisationId: id,
      userId: fields.userId ?? '',
      role: fields.role ?? '',
      newRole: fields.newRole ?? '',
    });
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'validation')) throw e;
    return organisationPage(c, {
      memberError: roleChangeRefusal(e, t),
      status: e.code === 'conflict' ? 409 : 422,
    });
  }
  return c.redirect(pageHref('adminOrganisation', c.get('lang'), { id }, { saved: 'role' }), 303);
}

/** The organisation register of the administration: list, create, edit and end. */
export function registerOrganisationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminOrganisations', (c) => registerPage(c));

  onPage(app, 'POST', 'adminOrganisations', async (c) => {
    const t = organisationMessages(c.get('lang'));
    const values = formFields(await c.req.parseBody());
    const parsed = organisationForm.safeParse(values);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, c.get('m'), texts(t));
      return registerPage(c, { values, errors, status: 422 });
    }
    try {
      const id = await createOrganisation(c.get('deps').db, callerOf(c), parsed.data);
      return c.redirect(pageHref('adminOrganisation', c.get('lang'), { id }, { saved: 'created' }), 303);
    } catch (e) {
      return registerPage(c, { values, ...refused(e, c, t) });
    }
  });

  onPage(app, 'GET', 'adminOrganisation', (c) => organisationPage(c));

  onPage(app, 'POST', 'adminOrganisation', async (c) => {
    const t = organisationMessages(c.get('lang'));
    const id = c.req.param('id') ?? '';
    const values = formFields(await c.req.parseBody());
    const parsed = organisationForm.safeParse(values);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, c.get('m'), texts(t));
      return organisationPage(c, { values, errors, status: 422 });
    }
    try {
      await updateOrganisation(c.get('deps').db, callerOf(c), id, parsed.data);
      return c.redirect(pageHref('adminOrganisation', c.get('lang'), { id }, { saved: 'edited' }), 303);
    } catch (e) {
      return organisationPage(c, { values, ...refused(e, c, t) });
    }
  });

  onPage(app, 'POST', 'adminOrganisationEnd', async (c) => {
    const t = organisationMessages(c.get('lang'));
    const id = c.req.param('id') ?? '';
    const values = formFields(await c.req.parseBody());
    const parsed = endOrganisationForm.safeParse(values);
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, c.get('m'), texts(t));
      return organisationPage(c, { ending: { values, errors, status: 422 } });
    }
    try {
      await endOrganisation(c.get('deps').db, callerOf(c), id, parsed.data);
      return c.redirect(pageHref('adminOrganisation', c.get('lang'), { id }, { saved: 'ended' }), 303);
    } catch (e) {
      return organisationPage(c, { ending: { values, ...refused(e, c, t) } });
    }
  });

  onPage(app, 'POST', 'adminOrganisationMemberRemove', removeMember);
  onPage(app, 'POST', 'adminOrganisationMemberRole', changeMemberRole);
}
