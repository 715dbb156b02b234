import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { authenticateApiToken } from '../../src/domain/reporting/tokens/authenticate.ts';
import {
  createApiToken,
  hashApiToken,
  listApiTokens,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
} from '../../src/domain/reporting/tokens/tokens.ts';
import { expectAppError, roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

/** Staff of the organisation: manages its tokens. */
const staffOf = (org: { id: string }) => roleCaller('cluster_staff', org.id, 'test:staff@klynge.dk');

describe(`API tokens (${testDriver()})`, () => {
  it('stores only a hash and a prefix: the plaintext is in no table and not in the audit log', async () => {
    const org = await createOrganisation(database.db);
    const now = new Date('2026-03-01T10:00:00Z');
    const created = await createApiToken(database.db, staffOf(org), {
      organisationId: org.id,
      name: 'ERP',
      now,
      lifetime: 90,
    });
    expect(created.token).toMatch(/^klynge_[A-Za-z0-9_-]{43}$/);
    expect(created.tokenPrefix).toBe(created.token.slice(0, 15));
    const [row] = await queryRows<{ token_hash: string; token_prefix: string }>(
      database.db,
      sql`select token_hash, token_prefix from api_tokens where id = ${created.id}`,
    );
    expect(row?.token_hash).toBe(hashApiToken(created.token));
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const secret = created.token.slice(15);
    const [found] = await queryRows<{ tokens: number; audit: number; audited: number }>(
      database.db,
      sql`select (select count(*) from api_tokens t where t::text like ${`%${secret}%`})::int as tokens,
                 (select count(*) from audit_log a where a::text like ${`%${secret}%`})::int as audit,
                 (select count(*) from audit_log where entity = 'api_tokens' and entity_id = ${created.id})::int as audited`,
    );
    expect(found).toEqual({ tokens: 0, audit: 0, audited: 1 });
  });

  it('authenticates a token once created, records its use, and refuses it once revoked', async () => {
    const org = await createOrganisation(database.db);
    const staff = staffOf(org);
    const now = new Date('2026-03-01T10:00:00Z');
    const { id, token } = await createApiToken(database.db, staff, {
      organisationId: org.id,
      name: 'CRM',
      now,
      lifetime: 30,
    });
    expect((await listApiTokens(database.db, staff, org.id))[0]?.lastUsedAt).toBeNull();

    const client = await authenticateApiToken(database.db, token, now);
    expect(client).toMatchObject({
      client: {
        tokenId: id,
        organisationId: org.id,
        organisationKind: 'cluster_organisation',
      },
    });
    const [listed] = await listApiTokens(database.db, staff, org.id);
    expect(new Date(listed?.lastUsedAt ?? 0).toISOString()).toBe(now.toISOString());

    // A wrong token of the right shape, a token with one character changed, and garbage.
    const changed = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const wrong of [changed, 'klynge_short', ''])
      expect(await authenticateApiToken(database.db, wrong, now)).toEqual({ refused: 'invalid' });

    await revokeApiToken(database.db, staff, { organisationId: org.id, tokenId: id, now });
    expect(await authenticateApiToken(database.db, token, now)).toEqual({ refused: 'invalid' });
    const [revoked] = await listApiTokens(database.db, staff, org.id);
    expect(revoked?.revokedAt).not.toBeNull();
    const actions = await queryRows<{ action: string; actor_label: string }>(
      database.db,
      sql`select action, actor_label from audit_log where entity = 'api_tokens' and entity_id = ${id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['insert', 'update', 'update']);
    expect(actions[1]?.actor_label).toMatch(/^api:klynge_/);
    expect(actions[2]?.actor_label).toBe(staff.actor.label);
  });

  it(`refuses an organisation's token beyond ${MAX_ACTIVE_TOKENS} working ones, until one is revoked or expires`, async () => {
    const org = await createOrganisation(database.db);
    const staff = staffOf(org);
    const now = new Date('2026-04-01T10:00:00Z');
    const create = (name: string, lifetime = 90, at = now) =>
      createApiToken(database.db, staff, { organisationId: org.id, name, now: at, lifetime });
    // One token made 31 days ago with 30 days to live has expired: it takes no place.
    await create('Udløbet', 30, new Date(now.getTime() - 31 * 86_400_000));
    const made = [];
    for (let i = 1; i <= MAX_ACTIVE_TOKENS; i++) made.push(await create(`System ${i}`));
    await expectAppError(create('En for mange'), 'validation');
    await expect(create('En for mange')).rejects.toMatchObject({
      issues: [{ field: 'name', message: 'tooManyTokens' }],
    });
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from api_tokens where organisation_id = ${org.id}`,
    );
    expect(count?.n).toBe(MAX_ACTIVE_TOKENS + 1);
    await revokeApiToken(database.db, staff, { organisationId: org.id, tokenId: made[0]?.id ?? '', now });
    expect((await create('Afløser')).name).toBe('Afløser');
    // Another organisation is not affected.
    const other = await createOrganisation(database.db);
    expect(
      (
        await createApiToken(database.db, staffOf(other), {
          organisationId: other.id,
          name: 'X',
          now,
          lifetime: 30,
        })
      ).name,
    ).toBe('X');
  });

  it("refuses to revoke another organisation's token", async () => {
    const mine = await createOrganisation(database.db);
    const other = await createOrganisation(database.db);
    const now = new Date();
    const { id, token } = await createApiToken(database.db, staffOf(other), {
      organisationId: other.id,
      name: 'X',
      now,
      lifetime: 365,
    });
    // Named under the caller's own organisation the token is not found; under its own, refused.
    await expect(
      revokeApiToken(database.db, staffOf(mine), { organisationId: mine.id, tokenId: id, now }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      revokeApiToken(database.db, staffOf(mine), { organisationId: other.id, tokenId: id, now }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await authenticateApiToken(database.db, token, now)).toHaveProperty('client');
  });

  it('works until the end of its lifetime and is refused as expired from that moment, without a write', async () => {
    const org = await createOrganisation(database.db);
    const now = new Date('2026-03-01T10:00:00Z');
    const staff = staffOf(org);
    const { token, expiresAt } = await createApiToken(database.db, staff, {
      organisationId: org.id,
      name: 'Kort',
      now,
      lifetime: 30,
    });
    expect(expiresAt.toISOString()).toBe('2026-03-31T10:00:00.000Z');
    expect((await listApiTokens(database.db, staff, org.id))[0]?.expiresAt.toISOString()).toBe(
      expiresAt.toISOString(),
    );
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(await authenticateApiToken(database.db, token, justBefore)).toHaveProperty('client');
    expect(await authenticateApiToken(database.db, token, expiresAt)).toEqual({ refused: 'expired' });
    const [used] = await listApiTokens(database.db, staff, org.id);
    expect(used?.lastUsedAt?.toISOString()).toBe(justBefore.toISOString());
  });
});

describe(`who manages an organisation's API tokens (${testDriver()})`, () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const tokenCount = async (organisationId: string) => {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from api_tokens where organisation_id = ${organisationId}`,
    );
    return row?.n;
  };

  it('refuses to create, list or revoke tokens for anyone but its staff and admins, writing nothing', async () => {
    const org = await createOrganisation(database.db);
    const { id } = await createApiToken(database.db, staffOf(org), {
      organisationId: org.id,
      name: 'ERP',
      now,
      lifetime: 90,
    });
    const outsiders = [
      roleCaller('cluster_staff'),
      roleCaller('funder'),
      roleCaller('support_staff', org.id),
      roleCaller('assessor', org.id),
      roleCaller('business_service_staff', org.id),
    ];
    for (const who of outsiders) {
      const role = who.principal.memberships[0]?.role;
      await expect(
        createApiToken(database.db, who, { organisationId: org.id, name: 'Mine', now, lifetime: 90 }),
        role,
      ).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listApiTokens(database.db, who, org.id), role).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        revokeApiToken(database.db, who, { organisationId: org.id, tokenId: id, now }),
        role,
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await tokenCount(org.id)).toBe(1);
    expect((await listApiTokens(database.db, roleCaller('admin'), org.id))[0]?.revokedAt).toBeNull();
  });

  it('checks the name and lifetime, and makes tokens only for cluster organisations and funders', async () => {
    const org = await createOrganisation(database.db);
    const issues = async (name: string, lifetime: unknown) => {
      try {
        await createApiToken(database.db, staffOf(org), { organisationId: org.id, name, now, lifetime });
      } catch (err) {
        return (err as { code: string; issues: unknown[] }).issues;
      }
      throw new Error('expected a refusal');
    };
    expect(await issues('  ', 90)).toEqual([{ field: 'name', message: 'nameRequired' }]);
    expect(await issues('x'.repeat(101), 90)).toEqual([{ field: 'name', message: 'nameTooLong' }]);
    expect(await issues('ERP', '7')).toEqual([{ field: 'lifetime', message: 'lifetimeInvalid' }]);
    expect(await tokenCount(org.id)).toBe(0);
    const hub = await createOrganisation(database.db, { kind: 'business_service' });
    await expect(
      createApiToken(database.db, roleCaller('admin'), {
        organisationId: hub.id,
        name: 'X',
        now,
        lifetime: 30,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const funder = await createOrganisation(database.db, { kind: 'funder' });
    const made = await createApiToken(database.db, roleCaller('funder', funder.id), {
      organisationId: funder.id,
      name: ' Statistik ',
      now,
      lifetime: '365',
    });
    expect(made.name).toBe('Statistik');
    expect(made.expiresAt.toISOString()).toBe('2027-03-01T10:00:00.000Z');
  });
});
