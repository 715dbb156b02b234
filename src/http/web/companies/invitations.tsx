import type { Hono } from 'hono';
import { inviteCompany, invitingClusters } from '../../../domain/companies/invitations.ts';
import { AppError } from '../../../domain/errors.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { companyMessages } from './messages.ts';
import { InvitationsView } from './views/invitations.tsx';

const messagesOf = (c: AppContext) => companyMessages(c.get('lang'));

function invitationsPage(c: AppContext, form: PostedForm = EMPTY_FORM) {
  // The form is for those who invite for a cluster; the command checks it again.
  if (invitingClusters(callerOf(c).principal).length === 0)
    throw new AppError('forbidden', 'Not cluster staff');
  const t = messagesOf(c);
  return renderPage(
    c,
    t.invitationsTitle,
    ({ csrfToken, m }) => (
      <InvitationsView
        form={form}
        sentTo={c.req.query('sendt') ?? null}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

/** Records the invitation and mails its link to the company's person. */
async function invite(c: AppContext) {
  const deps = c.get('deps');
  const t = messagesOf(c);
  const values = formFields(await c.req.parseBody());
  const lang = c.get('lang');
  try {
    const invitation = await inviteCompany(deps.db, callerOf(c), values, deps.clock());
    const link = `${deps.config.publicUrl}${href('companyVerify', lang, { token: invitation.token })}`;
    const mail = {
      to: invitation.email,
      subject: t.invitationMailSubject(invitation.clusterName),
      text: t.invitationMailBody(invitation.clusterName, invitation.organisationName, link),
    };
    await deps.jobs.enqueue('mail', { ...mail });
    return c.redirect(href('companyInvitations', lang, { sendt: invitation.email }), 303);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation') {
      const labels = {
        organisationName: t.organisationName,
        cvr: t.cvr,
        municipalityCode: t.municipality,
        email: t.email,
      };
      return invitationsPage(c, { values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
    }
    throw err;
  }
}

export function registerInvitationPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'companyInvitations', (c) => invitationsPage(c));
  onPage(app, 'POST', 'companyInvitations', invite);
}
