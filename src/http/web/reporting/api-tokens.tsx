import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { createApiToken, revokeApiToken, tokenWorkspace } from '../../../domain/reporting/tokens/tokens.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import { onPage } from '../routes.ts';
import { apiTokenMessages } from './api-tokens.messages.ts';
import { TokensPage, type TokensView } from './views/api-tokens.tsx';

/**
 * API tokens in the workspace: an organisation's staff (cluster staff, funders; admins for any
 * organisation) create named tokens, see each new token exactly once, and revoke them. Who may
 * manage which organisation's tokens is the domain's (tokens/tokens.ts).
 */
function tokensPage(c: AppContext, v: TokensView, status: 200 | 422 = 200) {
  const t = apiTokenMessages(c.get('lang'));
  return renderPage(
    c,
    t.title,
    ({ lang, csrfToken, m }) => <TokensPage v={v} t={t} lang={lang} csrf={csrfToken} m={m} />,
    status,
  );
}

async function showTokens(c: AppContext) {
  const { db, clock } = c.get('deps');
  const workspace = await tokenWorkspace(db, callerOf(c), c.req.query('organisation'));
  return tokensPage(c, { ...workspace, now: clock(), revoked: c.req.query('revoked') === '1' });
}

async function createToken(c: AppContext) {
  const caller = callerOf(c);
  const fields = formFields(await c.req.parseBody());
  const organisationId = fields.organisation ?? '';
  const { db, clock } = c.get('deps');
  const now = clock();
  try {
    const created = await createApiToken(db, caller, {
      organisationId,
      name: fields.name,
      lifetime: fields.lifetime,
      now,
    });
    // The token is shown in this answer only: no redirect, so it never sits in a URL or history entry.
    return tokensPage(c, { ...(await tokenWorkspace(db, caller, organisationId)), now, created });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation') throw err;
    const t = apiTokenMessages(c.get('lang'));
    const errors = toFieldErrors(err.issues, c.get('m'), {
      nameRequired: t.nameRequired,
      nameTooLong: t.nameTooLong,
      lifetimeInvalid: t.lifetimeInvalid,
      tooManyTokens: t.tooManyTokens,
    });
    const workspace = await tokenWorkspace(db, caller, organisationId);
    return tokensPage(c, { ...workspace, now, values: fields, errors }, 422);
  }
}

async function revokeToken(c: AppContext) {
  const fields = formFields(await c.req.parseBody());
  const organisation = fields.organisation ?? '';
  const { db, clock } = c.get('deps');
  await revokeApiToken(db, callerOf(c), {
    organisationId: organisation,
    tokenId: c.req.param('id') ?? '',
    now: clock(),
  });
  return c.redirect(href('apiTokens', c.get('lang'), { organisation, revoked: '1' }), 303);
}

export function registerApiTokenPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'apiTokens', showTokens);
  onPage(app, 'POST', 'apiTokens', createToken);
  onPage(app, 'POST', 'apiTokenRevoke', revokeToken);
}
