import type { Hono } from 'hono';
import { createUser } from '../../../domain/accounts/commands.ts';
import { listOrganisationsForSelect, listUsers } from '../../../domain/accounts/queries.ts';
import { createUserForm } from '../../../domain/accounts/schemas.ts';
import {
  AUDIT_PAGE_SIZE,
  auditedEntities,
  auditFilter,
  listAuditEntries,
} from '../../../domain/audit/queries.ts';
import { AppError } from '../../../domain/errors.ts';
import { authorize, ROLES } from '../../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';

const show = (v: unknown) =>
  v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v);

async function usersPage(
  c: AppContext,
  opts: {
    values?: Record<string, string>;
    errors?: FieldErrors;
    created?: string;
    status?: 200 | 409 | 422;
  } = {},
) {
  const { db } = c.get('deps');
  const m = c.get('m');
  const [users, orgs] = await Promise.all([listUsers(db), listOrganisationsForSelect(db)]);
  const v = opts.values ?? {};
  return renderPage(
    c,
    m.admin.usersTitle,
    (ch) => (
      <>
        <h1>{m.admin.usersTitle}</h1>
        {opts.created && <Alert variant="success">{m.admin.userCreated(opts.created)}</Alert>}
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
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => `${m.roles[r.role]} (${r.organisationName})`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{m.admin.createUser}</h2>
        <p>{m.admin.createUserIntro}</p>
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <ErrorSummary m={m} errors={opts.errors ?? {}} />
            <form method="post" action={href('adminUsers', ch.lang)} novalidate>
              <CsrfField token={ch.csrfToken} />
              <TextField
                name="name"
                label={m.admin.userName}
                value={v.name}
                error={opts.errors?.name}
                autocomplete="off"
              />
              <TextField
                name="email"
                type="email"
                label={m.admin.userEmail}
                value={v.email}
                error={opts.errors?.email}
                autocomplete="off"
              />
              <SelectField
                name="organisationId"
                label={m.admin.organisation}
                placeholder={m.admin.choose}
                value={v.organisationId}
                error={opts.errors?.organisationId}
                options={orgs.map((o) => ({ value: o.id, label: `${o.name} (${m.orgKinds[o.kind]})` }))}
              />
              <SelectField
                name="role"
                label={m.admin.role}
                placeholder={m.admin.choose}
                value={v.role}
                error={opts.errors?.role}
                options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
              />
              <button type="submit" class="button button-primary">
                {m.admin.createUser}
              </button>
            </form>
          </div>
        </div>
      </>
    ),
    opts.status ?? 200,
  );
}

export function registerAdminPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'admin', (c) => {
    authorize(c.get('user'), 'admin.view');
    const m = c.get('m');
    return renderPage(c, m.admin.title, ({ lang }) => (
      <>
        <h1>{m.admin.title}</h1>
        <p class="font-lead">{m.admin.intro}</p>
        <ul class="nobullet-list">
          <li>
            <a href={href('adminUsers', lang)}>{m.admin.users}</a>
          </li>
          <li>
            <a href={href('adminAudit', lang)}>{m.admin.audit}</a>
          </li>
        </ul>
      </>
    ));
  });

  onPage(app, 'GET', 'adminUsers', (c) => {
    authorize(c.get('user'), 'users.manage');
    return usersPage(c, { created: c.req.query('created') });
  });

  onPage(app, 'POST', 'adminUsers', async (c) => {
    const admin = authorize(c.get('user'), 'users.manage');
    const deps = c.get('deps');
    const m = c.get('m');
    const values = formFields(await c.req.parseBody());
    const parsed = createUserForm.safeParse(values);
    if (!parsed.success)
      return usersPage(c, { values, errors: toFieldErrors(parsed.error.issues, m), status: 422 });
    let created: Awaited<ReturnType<typeof createUser>>;
    try {
      created = await createUser(
        deps.db,
        { userId: admin.userId, label: admin.email, requestId: c.get('requestId') },
        parsed.data,
        deps.clock(),
      );
    } catch (e) {
      if (e instanceof AppError && (e.code === 'conflict' || e.code === 'validation')) {
        const errors = toFieldErrors(e.issues, m, { emailTaken: m.admin.emailTaken });
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

  onPage(app, 'GET', 'adminAudit', async (c) => {
    authorize(c.get('user'), 'audit.read');
    const { db } = c.get('deps');
    const m = c.get('m');
    const filter = auditFilter.parse(c.req.query());
    const [{ entries, total }, entities] = await Promise.all([
      listAuditEntries(db, filter),
      auditedEntities(db),
    ]);
    const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
    return renderPage(c, m.admin.auditTitle, ({ lang }) => {
      const pageLink = (page: number) =>
        href('adminAudit', lang, { ...filter, page: String(page) } as Record<string, string | undefined>);
      return (
        <>
          <h1>{m.admin.auditTitle}</h1>
          <p>{m.admin.auditIntro}</p>
          <form method="get" action={href('adminAudit', lang)} class="audit-filter">
            <SelectField
              name="entity"
              label={m.admin.auditEntity}
              placeholder={m.admin.auditAll}
              value={filter.entity}
              options={entities.map((e) => ({ value: e, label: e }))}
            />
            <TextField name="actor" label={m.admin.auditActor} value={filter.actor} />
            <TextField name="from" type="date" label={m.admin.auditFrom} value={filter.from} />
            <TextField name="to" type="date" label={m.admin.auditTo} value={filter.to} />
            <button type="submit" class="button button-secondary">
              {m.admin.auditFilter}
            </button>
          </form>
          <p role="status">{m.admin.auditCount(total)}</p>
          {entries.length === 0 ? (
            <p>{m.admin.auditEmpty}</p>
          ) : (
            <div class="table--responsive-scroll">
              <table class="table table--compact audit-table">
                <caption class="sr-only">{m.admin.auditTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.admin.auditAt}</th>
                    <th scope="col">{m.admin.auditActor}</th>
                    <th scope="col">{m.admin.auditEntity}</th>
                    <th scope="col">{m.admin.auditAction}</th>
                    <th scope="col">{m.admin.auditChanges}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr>
                      <td>{formatDateTime(e.at, lang)}</td>
                      <td>{e.actorLabel}</td>
                      <td>
                        {e.entity}
                        <br />
                        <code>{e.entityId}</code>
                      </td>
                      <td>{m.admin.actions[e.action] ?? e.action}</td>
                      <td>
                        <ul class="nobullet-list audit-changes">
                          {e.changes.map((ch) => (
                            <li>
                              <code>{ch.field}</code>: {e.action === 'update' && <del>{show(ch.before)}</del>}{' '}
                              {e.action === 'delete' ? (
                                <del>{show(ch.before)}</del>
                              ) : (
                                <ins>{show(ch.after)}</ins>
                              )}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav class="pagination" aria-label={m.admin.page(filter.page, pages)}>
              <p>{m.admin.page(filter.page, pages)}</p>
              <ul class="nobullet-list inline-list">
                {filter.page > 1 && (
                  <li>
                    <a href={pageLink(filter.page - 1)}>{m.admin.previous}</a>
                  </li>
                )}
                {filter.page < pages && (
                  <li>
                    <a href={pageLink(filter.page + 1)}>{m.admin.next}</a>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      );
    });
  });
}
