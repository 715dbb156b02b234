import { asc, inArray } from 'drizzle-orm';
import type { Hono } from 'hono';
import { z } from 'zod';
import { organisations } from '../../../db/schema/index.ts';
import type { CurrentUser } from '../../../domain/accounts/queries.ts';
import { forbidden } from '../../../domain/errors.ts';
import { authorize, can } from '../../../domain/policy/policy.ts';
import {
  type ApiTokenRow,
  createApiToken,
  listApiTokens,
  revokeApiToken,
  TOKEN_LIFETIMES_DAYS,
  type TokenLifetimeDays,
} from '../../../domain/reporting/tokens/tokens.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { CsrfField } from '../../views/layout.tsx';
import { onPage } from '../routes.ts';
import { type ApiTokenMessages, apiTokenMessages } from './api-tokens.messages.ts';

/**
 * API tokens in the workspace: an organisation's staff (cluster staff, funders; admins for any
 * organisation) create named tokens, see each new token exactly once, and revoke them.
 */
interface Org {
  id: string;
  name: string;
}

/** The organisations whose tokens the user may manage, their own first; 403 when none. */
async function manageableOrganisations(c: AppContext): Promise<{ user: CurrentUser; orgs: Org[] }> {
  const user = authorize(c.get('user'), 'account.view');
  const rows = await c
    .get('deps')
    .db.select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.kind, ['cluster_organisation', 'funder']))
    .orderBy(asc(organisations.name));
  const own = new Set(user.memberships.map((m) => m.organisationId));
  const orgs = rows
    .filter((o) => can(user, 'apiTokens.manage', { organisationId: o.id }))
    .sort((a, b) => Number(own.has(b.id)) - Number(own.has(a.id)));
  if (orgs.length === 0) throw forbidden('No organisation whose API tokens you manage');
  return { user, orgs };
}

function chosen(orgs: Org[], id: string | undefined): Org {
  const org = orgs.find((o) => o.id === id) ?? orgs[0];
  if (!org) throw forbidden();
  return org;
}

const actorOf = (c: AppContext, user: CurrentUser) => ({
  userId: user.userId,
  label: user.email,
  requestId: c.get('requestId'),
});

const createForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'nameRequired')
    .max(100, 'nameTooLong')
    .regex(/^[^\p{Cc}]*$/u, 'nameRequired'),
  lifetime: z.coerce
    .number()
    .refine(
      (n): n is TokenLifetimeDays => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(n),
      'lifetimeInvalid',
    ),
});
const DEFAULT_LIFETIME: TokenLifetimeDays = 90;

interface View {
  orgs: Org[];
  org: Org;
  tokens: ApiTokenRow[];
  now: Date;
  created?: { token: string; name: string; expiresAt: Date };
  revoked?: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

function TokenStatus({
  token,
  now,
  t,
  lang,
}: {
  token: ApiTokenRow;
  now: Date;
  t: ApiTokenMessages;
  lang: Lang;
}) {
  if (token.revokedAt)
    return (
      <span class="badge badge-error">{t.revoked(formatDateTime(new Date(token.revokedAt), lang))}</span>
    );
  if (new Date(token.expiresAt).getTime() <= now.getTime())
    return <span class="badge badge-warning">{t.expired}</span>;
  return <span class="badge badge-success">{t.active}</span>;
}

function TokenTable({
  tokens,
  now,
  t,
  lang,
  org,
  csrf,
}: {
  tokens: ApiTokenRow[];
  now: Date;
  t: ApiTokenMessages;
  lang: Lang;
  org: Org;
  csrf: string;
}) {
  if (tokens.length === 0) return <p>{t.none}</p>;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.prefix}</th>
            <th scope="col">{t.created}</th>
            <th scope="col">{t.lastUsed}</th>
            <th scope="col">{t.expires}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((k) => (
            <tr>
              <td>{k.name}</td>
              <td>
                <code>{k.tokenPrefix}…</code>
              </td>
              <td>{formatDateTime(new Date(k.createdAt), lang)}</td>
              <td>{k.lastUsedAt ? formatDateTime(new Date(k.lastUsedAt), lang) : t.never}</td>
              <td>
                {formatDateTime(new Date(k.expiresAt), lang)}
                {k.expiryRemindedAt && !k.revokedAt && (
                  <>
                    <br />
                    <span class="form-hint">
                      {t.reminded(formatDateTime(new Date(k.expiryRemindedAt), lang))}
                    </span>
                  </>
                )}
              </td>
              <td>
                <TokenStatus token={k} now={now} t={t} lang={lang} />
              </td>
              <td>
                {!k.revokedAt && (
                  <form method="post" action={pageHref('apiTokenRevoke', lang, { id: k.id })}>
                    <CsrfField token={csrf} />
                    <input type="hidden" name="organisation" value={org.id} />
                    <button type="submit" class="button button-secondary" aria-label={t.revokeLabel(k.name)}>
                      {t.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function tokensPage(c: AppContext, v: View, status: 200 | 422 = 200) {
  const t = apiTokenMessages(c.get('lang'));
  return renderPage(
    c,
    t.title,
    ({ lang, csrfToken }) => (
      <>
        <h1>{t.title}</h1>
        <p class="font-lead">{t.intro}</p>
        <p>
          <a href={href('apiDocs', lang)}>{t.docsLink}</a>
        </p>
        {v.errors && <ErrorSummary m={c.get('m')} errors={v.errors} />}
        {v.created && (
          <div class="alert alert-success" role="status">
            <div class="alert-body">
              <h2 class="alert-heading">{t.createdHeading}</h2>
              <p class="alert-text">{t.createdText}</p>
              <p class="alert-text">
                <label for="new-token">
                  {t.tokenLabel} ({v.created.name})
                </label>
                <br />
                <input
                  class="form-input input-width-xl"
                  id="new-token"
                  type="text"
                  readonly
                  value={v.created.token}
                  autocomplete="off"
                  spellcheck={false}
                />
              </p>
              <p class="alert-text">{t.usage}</p>
              <p class="alert-text">{t.validUntil(formatDateTime(v.created.expiresAt, lang))}</p>
            </div>
          </div>
        )}
        {v.revoked && <Alert variant="success">{t.revokedNotice}</Alert>}
        {v.orgs.length > 1 && (
          <form method="get" action={href('apiTokens', lang)}>
            <SelectField
              name="organisation"
              label={t.organisation}
              value={v.org.id}
              options={v.orgs.map((o) => ({ value: o.id, label: o.name }))}
            />
            <button type="submit" class="button button-secondary">
              {t.show}
            </button>
          </form>
        )}
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">{t.createHeading}</h2>
          <form method="post" action={href('apiTokens', lang)} novalidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="organisation" value={v.org.id} />
            <TextField
              name="name"
              label={t.name}
              hint={t.nameHint}
              value={v.values?.name ?? ''}
              error={v.errors?.name}
              required
            />
            <SelectField
              name="lifetime"
              label={t.lifetime}
              hint={t.lifetimeHint}
              value={v.values?.lifetime ?? String(DEFAULT_LIFETIME)}
              error={v.errors?.lifetime}
              options={TOKEN_LIFETIMES_DAYS.map((d) => ({ value: String(d), label: t.days(d) }))}
            />
            <button type="submit" class="button button-primary">
              {t.create}
            </button>
          </form>
        </section>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">{t.listHeading(v.org.name)}</h2>
          <TokenTable tokens={v.tokens} now={v.now} t={t} lang={lang} org={v.org} csrf={csrfToken} />
        </section>
      </>
    ),
    status,
  );
}

async function showTokens(c: AppContext) {
  const { orgs } = await manageableOrganisations(c);
  const org = chosen(orgs, c.req.query('organisation'));
  const { db, clock } = c.get('deps');
  const tokens = await listApiTokens(db, org.id);
  return tokensPage(c, { orgs, org, tokens, now: clock(), revoked: c.req.query('revoked') === '1' });
}

async function createToken(c: AppContext) {
  const { user, orgs } = await manageableOrganisations(c);
  const fields = formFields(await c.req.parseBody());
  const org = orgs.find((o) => o.id === fields.organisation);
  if (!org) throw forbidden('Not an organisation whose API tokens you manage');
  authorize(user, 'apiTokens.manage', { organisationId: org.id });
  const { db, clock } = c.get('deps');
  const parsed = createForm.safeParse(fields);
  if (!parsed.success) {
    const t = apiTokenMessages(c.get('lang'));
    const errors = toFieldErrors(parsed.error.issues, c.get('m'), {
      nameRequired: t.nameRequired,
      nameTooLong: t.nameTooLong,
      lifetimeInvalid: t.lifetimeInvalid,
    });
    const tokens = await listApiTokens(db, org.id);
    return tokensPage(c, { orgs, org, tokens, now: clock(), values: fields, errors }, 422);
  }
  const now = clock();
  const created = await createApiToken(db, actorOf(c, user), {
    organisationId: org.id,
    name: parsed.data.name,
    now,
    lifetimeDays: parsed.data.lifetime,
  });
  // The token is shown in this answer only: no redirect, so it never sits in a URL or history entry.
  return tokensPage(c, {
    orgs,
    org,
    tokens: await listApiTokens(db, org.id),
    now,
    created: { token: created.token, name: parsed.data.name, expiresAt: created.expiresAt },
  });
}

async function revokeToken(c: AppContext) {
  const { user, orgs } = await manageableOrganisations(c);
  const fields = formFields(await c.req.parseBody());
  const org = orgs.find((o) => o.id === fields.organisation);
  if (!org) throw forbidden('Not an organisation whose API tokens you manage');
  authorize(user, 'apiTokens.manage', { organisationId: org.id });
  const { db, clock } = c.get('deps');
  await revokeApiToken(db, actorOf(c, user), {
    organisationId: org.id,
    tokenId: c.req.param('id') ?? '',
    now: clock(),
  });
  return c.redirect(href('apiTokens', c.get('lang'), { organisation: org.id, revoked: '1' }), 303);
}

export function registerApiTokenPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'apiTokens', showTokens);
  onPage(app, 'POST', 'apiTokens', createToken);
  onPage(app, 'POST', 'apiTokenRevoke', revokeToken);
}
