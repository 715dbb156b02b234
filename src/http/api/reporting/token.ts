import type { Caller } from '../../../domain/caller.ts';
import { AppError } from '../../../domain/errors.ts';
import {
  type ApiClient,
  authenticateApiToken,
  tokenCaller,
} from '../../../domain/reporting/tokens/authenticate.ts';
import type { AppContext } from '../../context.ts';
import { ApiTokenRefused } from '../request.ts';

/** The token of the request (its organisation) and the caller it acts as; 401 without a valid one. */
export async function tokenOf(c: AppContext): Promise<{ client: ApiClient; caller: Caller }> {
  const match = /^Bearer +(\S+) *$/i.exec(c.req.header('authorization') ?? '');
  const { db, clock } = c.get('deps');
  const check = match?.[1] ? await authenticateApiToken(db, match[1], clock()) : null;
  if (check && 'refused' in check && check.refused === 'expired')
    throw new ApiTokenRefused('The API token has expired; create a new one in the workspace (API tokens)');
  if (!check || 'refused' in check)
    throw new AppError('unauthenticated', 'A valid API token is required: Authorization: Bearer <token>');
  const { client } = check;
  c.get('log').info({ token: client.tokenPrefix, organisation: client.organisationId }, 'api token');
  return { client, caller: tokenCaller(client, c.get('requestId')) };
}
