import type { Hono } from 'hono';
import type { AccountView } from '../../domain/performance/policy.ts';
import { scopeAccount, UnknownClusterError } from '../../domain/performance/report.ts';
import {
  accountQuery,
  accountQueryShape,
  basisOf,
  performanceAccountSchema,
  scopeOf,
} from '../../domain/performance/schemas.ts';
import type { Principal } from '../../domain/policy/policy.ts';
import type { AppContext, AppEnv } from '../context.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { tokenOf } from './reporting/token.ts';
import { InvalidQuery, PRIVATE, parseQuery } from './request.ts';

/** Who asks for preliminary figures: the API token presented, else the signed-in user, else nobody. */
async function askingPrincipal(c: AppContext): Promise<Principal | null> {
  if (c.req.header('authorization')) return (await tokenOf(c)).caller.principal;
  return c.get('user');
}

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/performance', async (c) => {
    const q = parseQuery(c, accountQuery);
    const basis = basisOf(q);
    const view: AccountView =
      basis === 'preliminary' ? { basis, principal: await askingPrincipal(c) } : { basis };
    try {
      // The same function and the same object as `klynge report --format json`.
      const account = await scopeAccount(c.get('deps').db, q.year, scopeOf(q), view);
      // Preliminary figures are someone's own: never kept by a shared cache.
      if (basis === 'preliminary') {
        c.header('Cache-Control', PRIVATE);
        c.header('Vary', 'Authorization, Cookie');
      }
      return c.json(account);
    } catch (err) {
      // A cluster the query names wrong is the client's mistake in a parameter: 400, like a bad CVR.
      if (err instanceof UnknownClusterError)
        throw new InvalidQuery([{ field: 'cluster', message: err.message }]);
      throw err;
    }
  });
}

export const performanceApi: ApiModule = {
  tag: {
    name: 'Performance',
    description:
      'The common performance account of the cluster programme, per year: nationally, per cluster, per region or per league.',
  },
  mount,
  paths: {
    '/v1/performance': {
      get: {
        operationId: 'performanceAccount',
        summary: 'The performance account of a year',
        description:
          'Exactly the object `klynge report --format json` prints: every key of the reporting spec plus `year` and ' +
          '`preliminary`. Company figures are distinct CVRs, never sums over clusters. Give at most one of `cluster`, ' +
          '`region` and `league`; without them the account is national. An unknown cluster CVR is a 400. ' +
          'Without `preliminary=true` the account is the official one, open to all: only the (cluster, year) periods ' +
          'funders have approved or locked. With it, the account of everything delivered, for a caller who may see it: ' +
          "an organisation's API token (`Authorization: Bearer …`) or a signed-in session; 401 without either, 403 for " +
          'one that may not see that account.',
        tags: ['Performance'],
        parameters: queryParameters(accountQueryShape, ['year']),
        security: [{}, { bearerAuth: [] }],
        responses: {
          '200': jsonResponse('The account', schemaRef('PerformanceAccount')),
          '401': jsonResponse('preliminary=true without a token or session', schemaRef('Error')),
          '403': jsonResponse('preliminary=true for an account the caller may not see', schemaRef('Error')),
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  schemas: { PerformanceAccount: jsonSchema(performanceAccountSchema) },
};
