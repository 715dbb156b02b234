import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { createRateLimiters } from '../../src/rate-limits.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';

/*
 * The login and API-delivery limits count in the database: limiters built apart (as in two
 * processes; test/operations/two-instances.int.test.ts runs two real ones) count the same attempts.
 */

let database: Database;
const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_LIMIT: '3', API_DELIVERY_RATE_LIMIT: '2' });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe(`rate limits in the database (${testDriver()})`, () => {
  it('counts the attempts of every limiter on the database against one limit', async () => {
    const first = createRateLimiters(config, database.db);
    const second = createRateLimiters(config, database.db);
    await first.login.penalty('192.0.2.1|a@example.dk', 1);
    await second.login.penalty('192.0.2.1|a@example.dk', 1);
    await first.login.penalty('192.0.2.1|a@example.dk', 1);
    expect((await second.login.get('192.0.2.1|a@example.dk'))?.consumedPoints).toBe(3);
    expect(await second.login.get('192.0.2.1|b@example.dk')).toBeNull();

    await first.apiDeliveries.consume('token-1');
    await second.apiDeliveries.consume('token-1');
    await expect(first.apiDeliveries.consume('token-1')).rejects.toMatchObject({ remainingPoints: 0 });
    // The same key of another limit is another count.
    expect((await second.apiDeliveriesPerOrganisation.consume('token-1')).consumedPoints).toBe(1);
  });

  it('counts in memory when the database does not answer, and still refuses past the limit', async () => {
    const own = await createTestDatabase();
    await own.close();
    const limiters = createRateLimiters(config, own.db);
    await limiters.apiDeliveries.consume('token-2');
    await limiters.apiDeliveries.consume('token-2');
    await expect(limiters.apiDeliveries.consume('token-2')).rejects.toMatchObject({ remainingPoints: 0 });
  });
});
