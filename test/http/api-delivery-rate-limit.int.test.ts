import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { clusters, organisations } from '../../src/db/schema/index.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/http.ts';

/**
 * POST /api/v1/deliveries is a whole import: each token may send API_DELIVERY_RATE_LIMIT a minute,
 * and all tokens of an organisation together API_DELIVERY_ORGANISATION_RATE_LIMIT.
 */
let database: Database;
let t: TestApp;
const A = '29403473';
const B = '12345674';
let first = '';
let second = '';
let third = '';
let otherOrganisation = '';

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database, { API_DELIVERY_RATE_LIMIT: '2', API_DELIVERY_ORGANISATION_RATE_LIMIT: '3' });
  const org = await withActor(database.db, systemActor('test'), async (tx) => {
    const [o] = await tx
      .insert(organisations)
      .values({ kind: 'cluster_organisation', name: 'Klynge A', slug: 'rate-a', cvr: A })
      .returning();
    if (!o) throw new Error('no org');
    await tx.insert(clusters).values({ organisationId: o.id, league: 'regional' });
    return o;
  });
  const token = (name: string) =>
    createApiToken(database.db, roleCaller('admin'), {
      organisationId: org.id,
      name,
      now: new Date(),
      lifetime: 90,
    });
  first = (await token('First system')).token;
  second = (await token('Second system')).token;
  third = (await token('Third system')).token;
  const other = await createCluster(database.db, { cvr: B, name: 'Klynge B', slug: 'rate-b' });
  otherOrganisation = (
    await createApiToken(database.db, roleCaller('admin'), {
      organisationId: other.id,
      name: 'B',
      now: new Date(),
      lifetime: 90,
    })
  ).token;
});
afterAll(() => database?.close());

const deliver = (token: string, ref: string, cvr = A) =>
  t.app.request('/api/v1/deliveries', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      activities: [
        {
          cluster_cvr: cvr,
          activity_ref: ref,
          title: 'Workshop',
          category: 'networking',
          start_date: '2024-03-01',
        },
      ],
    }),
  });

const logged = async () =>
  (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from deliveries`))[0]?.n;

describe(`API deliveries are rate limited per token (${testDriver()})`, () => {
  it('answers 429 with Retry-After once a token has used its deliveries, writes nothing, and leaves other tokens alone', async () => {
    expect((await deliver(first, 'R1')).status).toBe(201);
    expect((await deliver(first, 'R2')).status).toBe(201);
    const before = await logged();

    const refused = await deliver(first, 'R3');
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/2 deliveries in the last minute; try again in \d+ seconds/);
    expect(await logged()).toBe(before);
    const [r3] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from activities where activity_ref = 'R3'`,
    );
    expect(r3?.n).toBe(0);

    expect((await deliver(second, 'R4')).status).toBe(201);
  });

  it("refuses an organisation's fourth delivery of the minute whichever token sends it, and no other organisation's", async () => {
    // R1, R2 (first) and R4 (second) used the organisation's three; the refused R3 did not count.
    const before = await logged();
    const refused = await deliver(third, 'R6');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(
      /^This token's organisation has sent 3 deliveries in the last minute; try again in \d+ seconds$/,
    );
    expect(await logged()).toBe(before);
    expect((await deliver(otherOrganisation, 'B1', B)).status).toBe(201);
  });

  it('counts only deliveries of a valid token: a bad token gets 401, not 429', async () => {
    const res = await deliver('klynge_not-a-token', 'R5');
    expect(res.status).toBe(401);
  });
});
