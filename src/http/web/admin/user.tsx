/**
 * An administrator's page about one user: roles, sessions, two-step login, linked identities and
 * the person's data, with the actions a support case needs (a lost laptop or phone, a person who
 * left, a request for access or erasure). Every action is a POST form; the commands check the
 * policy themselves.
 */
import type { Hono } from 'hono';
import { unlinkIdentity } from '../../../domain/accounts/identities.ts';
import { changeMembershipRole } from '../../../domain/accounts/memberships.ts';
import { resetSecondFactor } from '../../../domain/accounts/second-factor.ts';
import { endUserSessions } from '../../../domain/accounts/sessions.ts';
import { type UserDetail, userDetail } from '../../../domain/accounts/user-detail.ts';
import { AppError } from '../../../domain/errors.ts';
import { eraseUser } from '../../../domain/personal-data/erasure.ts';
import { userDataExportByAdministrator } from '../../../domain/personal-data/export.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDate, formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors } from '../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../views/layout.tsx';
import { ScrollingTable } from '../../views/table.tsx';
import { jsonDownload, pdfDownload } from '../personal-data/exports.ts';
import { onPage } from '../routes.ts';
import { organisationMessages } from './messages.ts';
import { roleChangeRefusal } from './organisations.tsx';
import { type UserMessages, userMessages } from './user.messages.ts';

const NOTICES = ['sessions', 'secondFactor', 'unlinked', 'erased', 'role'] as const;
type Notice = (typeof NOTICES)[number];

function noticeText(notice: string | undefined, ended: string | undefined, t: UserMessages): string | null {
  if (!NOTICES.includes(notice as Notice)) return null;
  switch (notice as Notice) {
    case 'sessions':
      return t.sessionsEnded(Number(ended) || 0);
    case 'secondFactor':
      return t.secondFactorReset;
    case 'unlinked':
      return t.unlinked;
    case 'erased':
      return t.erasedNotice;
    case 'role':
      return t.roleChanged;
  }
}

/** A form with one button that posts to an action of this user. */
function ActionForm(p: { ch: Chrome; action: string; label: string; hint?: string }) {
  return (
    <form method="post" action={p.action}>
      <CsrfField token={p.ch.csrfToken} />
      {p.hint && <p class="form-hint">{p.hint}</p>}
      <button type="submit" class="button button-secondary">
        {p.label}
      </button>
    </form>
  );
}

function Facts({ u, t, lang }: { u: UserDetail; t: UserMessages; lang: Lang }) {
  const status = u.erasedAt
    ? t.erased(formatDate(u.erasedAt.toISOString().slice(0, 10), lang))
    : u.invitedAt
      ? t.invited
      : t.active;
  return (
    <dl class="summary-list">
      <dt>{t.email}</dt>
      <dd>{u.email}</dd>
      <dt>{t.status}</dt>
      <dd>{status}</dd>
      <dt>{t.password}</dt>
      <dd>{u.hasPassword ? t.hasPassword : t.noPassword}</dd>
    </dl>
  );
}

/** One role's chooser on the user's page: the roles the administrator may give there, the current one first. */
function RoleForm({ u, m, ch }: { u: UserDetail; m: UserDetail['memberships'][number]; ch: Chrome }) {
  const t = organisationMessages(ch.lang);
  const fieldId = `newRole-${m.organisationId}-${m.role}`;
  return (
    <form method="post" action={pageHref('adminUserRole', ch.lang, { id: u.id })} class="d-flex">
      <CsrfField token={ch.csrfToken} />
      <input type="hidden" name="organisationId" value={m.organisationId} />
      <input type="hidden" name="role" value={m.role} />
      <label class="sr-only" for={fieldId}>
        {t.newRoleFor(`${u.name} (${m.organisationName})`, ch.m.roles[m.role])}
      </label>
      <select class="form-select" id={fieldId} name="newRole">
        {[m.role, ...m.grantable.filter((r) => r !== m.role)].map((r) => (
          <option value={r} selected={r === m.role}>
            {ch.m.roles[r]}
          </option>
        ))}
      </select>
      <button type="submit" class="button button-secondary">
        {t.changeRole}
        <span class="sr-only">{` ${m.organisationName}`}</span>
      </button>
    </form>
  );
}

function Memberships({ u, t, ch }: { u: UserDetail; t: UserMessages; ch: Chrome }) {
  if (u.memberships.length === 0) return <p>{t.noMemberships}</p>;
  return (
    <ScrollingTable label={t.caption}>
      <table class="table table--compact">
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.organisation}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{organisationMessages(ch.lang).changeRole}</th>
          </tr>
        </thead>
        <tbody>
          {u.memberships.map((m) => (
            <tr>
              <td>
                <a href={pageHref('adminOrganisation', ch.lang, { id: m.organisationId })}>
                  {m.organisationName}
                </a>
              </td>
              <td>{ch.m.roles[m.role]}</td>
              <td>{m.grantable.length > 0 && !u.erasedAt && <RoleForm u={u} m={m} ch={ch} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Identities({ u, t, ch }: { u: UserDetail; t: UserMessages; ch: Chrome }) {
  if (u.identities.length === 0) return <p>{t.noIdentities}</p>;
  const action = pageHref('adminUserUnlinkIdentity', ch.lang, { id: u.id });
  return (
    <ScrollingTable label={t.identitiesCaption}>
      <table class="table table--compact">
        <caption>{t.identitiesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.provider}</th>
            <th scope="col">{t.subject}</th>
            <th scope="col">{t.linkedOn}</th>
            <th scope="col">
              <span class="sr-only">{t.unlink}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {u.identities.map((i) => (
            <tr>
              <td>{i.provider}</td>
              <td>{i.subject}</td>
              <td>{formatDateTime(i.createdAt, ch.lang)}</td>
              <td>
                <form method="post" action={action}>
                  <CsrfField token={ch.csrfToken} />
                  <input type="hidden" name="identityId" value={i.id} />
                  <button
                    type="submit"
                    class="button button-secondary"
                    aria-label={t.unlinkLabel(i.provider)}
                  >
                    {t.unlink}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function Erasure({ u, t, ch, errors }: { u: UserDetail; t: UserMessages; ch: Chrome; errors: FieldErrors }) {
  if (u.erasedAt) return null;
  return (
    <section aria-labelledby="erase-heading">
      <h2 id="erase-heading">{t.eraseHeading}</h2>
      {u.isSelf ? (
        <p>{t.eraseSelf}</p>
      ) : (
        <>
          <p>{t.eraseIntro}</p>
          <ErrorSummary m={ch.m} errors={errors} />
          <form method="post" action={pageHref('adminUserErase', ch.lang, { id: u.id })}>
            <CsrfField token={ch.csrfToken} />
            <div class={errors.confirm ? 'form-group form-error' : 'form-group'}>
              {errors.confirm && (
                <span class="form-error-message" id="confirm-error">
                  {errors.confirm}
                </span>
              )}
              <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id="confirm" name="confirm" value="yes" />
                <label for="confirm">{t.eraseConfirm}</label>
              </div>
            </div>
            <button type="submit" class="button button-primary">
              {t.erase}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

async function userPage(
  c: AppContext,
  opts: { errors?: FieldErrors; roleError?: string; status?: 200 | 409 | 422 } = {},
) {
  const deps = c.get('deps');
  const id = c.req.param('id') ?? '';
  const u = await userDetail(deps.db, callerOf(c), id, deps.clock());
  const t = userMessages(c.get('lang'));
  const notice = noticeText(c.req.query('udfoert'), c.req.query('antal'), t);
  return renderPage(
    c,
    u.name,
    (ch) => (
      <>
        <p>
          <a href={href('adminUsers', ch.lang)}>{t.back}</a>
        </p>
        <h1>{u.name}</h1>
        {notice && <Alert variant="success">{notice}</Alert>}
        <Facts u={u} t={t} lang={ch.lang} />
        {opts.roleError && <Alert variant="error">{opts.roleError}</Alert>}
        <Memberships u={u} t={t} ch={ch} />
        <h2>{t.sessionsHeading}</h2>
        <p>
          {t.sessions(u.sessions.active)}
          {u.sessions.lastSeenAt && `, ${t.lastSeen(formatDateTime(u.sessions.lastSeenAt, ch.lang))}`}
        </p>
        {u.sessions.active > 0 && (
          <ActionForm
            ch={ch}
            action={pageHref('adminUserEndSessions', ch.lang, { id: u.id })}
            label={t.endSessions}
            hint={t.endSessionsHint}
          />
        )}
        <h2>{t.secondFactorHeading}</h2>
        <p>{u.secondFactor.enrolled ? t.enrolled(u.secondFactor.recoveryCodesLeft) : t.notEnrolled}</p>
        {u.secondFactor.enrolled && (
          <ActionForm
            ch={ch}
            action={pageHref('adminUserResetSecondFactor', ch.lang, { id: u.id })}
            label={t.resetSecondFactor}
            hint={t.resetSecondFactorHint}
          />
        )}
        <h2>{t.identitiesHeading}</h2>
        <Identities u={u} t={t} ch={ch} />
        {u.mayManagePersonalData && (
          <>
            <h2>{t.personalDataHeading}</h2>
            <ul>
              <li>
                <a href={pageHref('adminUserDataJson', ch.lang, { id: u.id })}>{t.exportJson}</a>
              </li>
              <li>
                <a href={pageHref('adminUserDataPdf', ch.lang, { id: u.id })}>{t.exportPdf}</a>
              </li>
            </ul>
            <Erasure u={u} t={t} ch={ch} errors={opts.errors ?? {}} />
          </>
        )}
      </>
    ),
    opts.status ?? 200,
  );
}

/** Back to the user's page with what was done, as a 303 after the POST. */
const done = (c: AppContext, notice: Notice, count?: number) =>
  c.redirect(
    pageHref(
      'adminUser',
      c.get('lang'),
      { id: c.req.param('id') ?? '' },
      count === undefined ? { udfoert: notice } : { udfoert: notice, antal: String(count) },
    ),
    303,
  );

async function userData(c: AppContext) {
  const deps = c.get('deps');
  return userDataExportByAdministrator(deps.db, callerOf(c), c.req.param('id') ?? '', deps.clock());
}

/**
 * Changes one of the user's roles in place, as on the organisation's page (the same audited
 * command); a refusal is shown on the user's page (409 or 422).
 */
async function changeRole(c: AppContext) {
  const t = organisationMessages(c.get('lang'));
  const fields = formFields(await c.req.parseBody());
  try {
    await changeMembershipRole(c.get('deps').db, callerOf(c), {
      userId: c.req.param('id') ?? '',
      organisationId: fields.organisationId ?? '',
      role: fields.role ?? '',
      newRole: fields.newRole ?? '',
    });
  } catch (e) {
    if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'validation')) throw e;
    return userPage(c, { roleError: roleChangeRefusal(e, t), status: e.code === 'conflict' ? 409 : 422 });
  }
  return done(c, 'role');
}

export function registerUserDetailPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'adminUser', (c) => userPage(c));
  onPage(app, 'POST', 'adminUserRole', changeRole);
  onPage(app, 'POST', 'adminUserEndSessions', async (c) => {
    const ended = await endUserSessions(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
    return done(c, 'sessions', ended);
  });
  onPage(app, 'POST', 'adminUserResetSecondFactor', async (c) => {
    await resetSecondFactor(c.get('deps').db, callerOf(c), c.req.param('id') ?? '');
    return done(c, 'secondFactor');
  });
  onPage(app, 'POST', 'adminUserUnlinkIdentity', async (c) => {
    const { identityId } = formFields(await c.req.parseBody());
    await unlinkIdentity(c.get('deps').db, callerOf(c), c.req.param('id') ?? '', identityId ?? '');
    return done(c, 'unlinked');
  });
  onPage(app, 'GET', 'adminUserDataJson', async (c) => jsonDownload(c, await userData(c)));
  onPage(app, 'GET', 'adminUserDataPdf', async (c) => pdfDownload(c, await userData(c)));
  onPage(app, 'POST', 'adminUserErase', async (c) => {
    const fields = formFields(await c.req.parseBody());
    if (fields.confirm !== 'yes')
      return userPage(c, {
        errors: { confirm: userMessages(c.get('lang')).eraseConfirmMissing },
        status: 422,
      });
    const deps = c.get('deps');
    await eraseUser(deps.db, callerOf(c), c.req.param('id') ?? '', deps.clock());
    return done(c, 'erased');
  });
}
