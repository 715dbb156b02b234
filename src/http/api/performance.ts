import type { Hono } from 'hono';
import { scopeAccount, UnknownClusterError } from '../../domain/performance/report.ts';
import {
  accountQuery,
  accountQueryShape,
  performanceAccountSchema,
  scopeOf,
} from '../../domain/performance/schemas.ts';
import type { AppEnv } from '../context.ts';
import {
  type ApiModule,
  ERROR_RESPONSES,
  jsonResponse,
  jsonSchema,
  queryParameters,
  schemaRef,
} from './openapi.ts';
import { InvalidQuery, parseQuery } from './request.ts';

function mount(app: Hono<AppEnv>): void {
  app.get('/v1/performance', async (c) => {
    const q = parseQuery(c, accountQuery);
    try {
      // The same function and the same object as `klynge report --format json`.
      return c.json(await scopeAccount(c.get('deps').db, q.year, scopeOf(q)));
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
          'Exactly the object `klynge report --format json` prints: every key of the reporting spec plus `year`. ' +
          'Company figures are distinct CVRs, never sums over clusters. Give at most one of `cluster`, `region` and `league`; ' +
          'without them the account is national. An unknown cluster CVR is a 400.',
        tags: ['Performance'],
        parameters: queryParameters(accountQueryShape, ['year']),
        responses: {
          '200': jsonResponse('The account', schemaRef('PerformanceAccount')),
          ...ERROR_RESPONSES,
        },
      },
    },
  },
  schemas: { PerformanceAccount: jsonSchema(performanceAccountSchema) },
};
