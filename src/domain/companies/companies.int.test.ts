import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller, expectAppError, roleCaller } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import { createCluster, createUser, randomCvr } from '../../../test/support/factories.ts';
import { type Database, queryRows } from '../../db/client.ts';
import { auditLog, companySignups } from '../../db/schema/index.ts';
import { authenticateWithPassword } from '../accounts/commands.ts';
import { hashToken } from '../accounts/sessions.ts';
import { inviteCompany } from './invitations.ts';
import { searchPartners } from './partner-search.ts';
import { ownCompanyProfile, updateCompanyProfile } from './profile.ts';
import { pendingSignup, requestSignup, SIGNUP_TOKEN_TTL_MS, verifySignup } from './signup.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const NOW = new Date('2026-12-01T10:00:00Z');
const PASSWORD = 'et langt og godt kodeord';
let n = 0;
const danish = (cvr = randomCvr()) => ({
  organisationName: `Test Robot ApS ${++n}`,
  country: 'DK',
  cvr,
  municipalityCode: '461',
  name: 'Vera Virksomhed',
  email: `vera${n}@firma.example`,
  password: PASSWORD,
  confirm: PASSWORD,
});

/** The token the e-mail would carry: requestSignup returns it for the page to mail. */
async function signUp(input: Record<string, string>) {
  const request = await requestSignup(database.db, input, NOW);
  if (request.outcome !== 'verify') throw new Error(`expected a link, got ${request.outcome}`);
  return request.token;
}

describe(`company sign-up (${testDriver()})`, () => {
  it('creates nothing until the link is opened, then the account in a new company with its region', async () => {
    const input = danish();
    const token = await signUp(input);
    const [stored] = await database.db
      .select()
      .from(companySignups)
      .where(eq(companySignups.email, input.email));
    // Only the hash of the token is kept, and the password only as an argon2id hash.
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(stored?.passwordHash?.startsWith('$argon2id$')).toBe(true);
    expect(await authenticateWithPassword(database.db, input.email, PASSWORD)).toBeNull();

    const account = await verifySignup(database.db, token, new Date(NOW.getTime() + 60_000));
    const user = await authenticateWithPassword(database.db, input.email, PASSWORD);
    expect(user?.id).toBe(account.userId);
    const caller = {
      principal: {
        userId: account.userId,
        memberships: [{ organisationId: account.organisationId, role: 'company_user' as const }],
      },
      actor: { userId: account.userId, label: input.email },
    };
    const profile = await ownCompanyProfile(database.db, caller);
    // Odense (461) lies in Region Syddanmark (1083).
    expect(profile).toMatchObject({
      name: input.organisationName,
      cvr: input.cvr,
      country: 'DK',
      regionCode: 1083,
    });
    // The sign-up's secrets never reach the audit log.
    const audited = await queryRows<{ after: Record<string, unknown> }>(
      database.db,
      sql`select after from ${auditLog} where entity = 'company_signups' and action = 'insert' and actor_label = ${input.email}`,
    );
    expect(audited[0]?.after.password_hash).toBe('redacted');
    expect(audited[0]?.after.token_hash).toBe('redacted');
  });

  it('uses a link once, and refuses an expired one', async () => {
    const token = await signUp(danish());
    await verifySignup(database.db, token, NOW);
    await expectAppError(verifySignup(database.db, token, NOW), 'validation');
    const late = await signUp(danish());
    await expectAppError(
      verifySignup(database.db, late, new Date(NOW.getTime() + SIGNUP_TOKEN_TTL_MS + 1)),
      'validation',
    );
  });

  it('links a second person to the company already registered under the CVR', async () => {
    const cvr = randomCvr();
    const first = await verifySignup(database.db, await signUp(danish(cvr)), NOW);
    const second = await verifySignup(database.db, await signUp(danish(cvr)), NOW);
    expect(second.organisationId).toBe(first.organisationId);
  });

  it('signs a foreign organisation up by country and registration number', async () => {
    const input = {
      ...danish(),
      country: 'DE',
      cvr: '',
      municipalityCode: '',
      registrationNumber: 'HRB 12345',
    };
    const account = await verifySignup(database.db, await signUp(input), NOW);
    const found = await searchPartners(database.db, { country: 'DE', page: 1 });
    expect(found.partners.map((p) => p.id)).toContain(account.organisationId);
  });

  it('refuses a wrong CVR check digit, a missing registration number and a cluster’s CVR with field errors', async () => {
    const bad = danish('12345678');
    await expect(requestSignup(database.db, bad, NOW)).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'cvr', message: 'cvrInvalid' }],
    });
    await expect(
      requestSignup(database.db, { ...danish(), country: 'SE', cvr: '', registrationNumber: '' }, NOW),
    ).rejects.toMatchObject({ issues: [{ field: 'registrationNumber', message: 'required' }] });
    const cluster = await createCluster(database.db, {
      cvr: randomCvr(),
      name: 'Klynge X',
      slug: `klynge-x-${n}`,
    });
    await expect(requestSignup(database.db, danish(cluster.cvr ?? ''), NOW)).rejects.toMatchObject({
      issues: [{ field: 'cvr', message: 'cvrNotCompany' }],
    });
  });

  it('answers an address that has an account with no link and creates no sign-up', async () => {
    const existing = await createUser(database.db, 'cluster_staff');
    const request = await requestSignup(database.db, { ...danish(), email: existing.email }, NOW);
    expect(request.outcome).toBe('exists');
    const rows = await database.db
      .select()
      .from(companySignups)
      .where(eq(companySignups.email, existing.email));
    expect(rows).toHaveLength(0);
  });
});

describe(`company profile (${testDriver()})`, () => {
  it('is kept by the company’s own users and found in the partner search by technology and text', async () => {
    const caller = await createCaller(database.db, 'company_user');
    await updateCompanyProfile(
      database.db,
      caller,
      {
        description: 'Vi bygger svejserobotter',
        technologies: 'Svejsning, Robotter, svejsning',
        themes: ['robotics'],
        industryCode: '282900',
        size: 'small',
        languages: ['da', 'de'],
        seeks: 'Partnere i Tyskland',
      },
      NOW,
    );
    const profile = await ownCompanyProfile(database.db, caller);
    expect(profile).toMatchObject({
      technologies: ['svejsning', 'robotter'],
      themes: ['robotics'],
      industryCode: '282900',
      size: 'small',
      languages: ['da', 'de'],
    });
    const byTechnology = await searchPartners(database.db, { technology: 'svejsning', page: 1 });
    expect(byTechnology.partners.map((p) => p.id)).toEqual([caller.principal.memberships[0]?.organisationId]);
    const byText = await searchPartners(database.db, { q: 'svejserobot', page: 1 });
    expect(byText.total).toBe(1);
  });

  it('refuses an unknown industry code with a field error', async () => {
    const caller = await createCaller(database.db, 'company_user');
    await expect(
      updateCompanyProfile(
        database.db,
        caller,
        { description: '', technologies: '', seeks: '', industryCode: '041234' },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'industryCode', message: 'invalid' }] });
  });

  it('is forbidden to anyone but a company user', async () => {
    for (const role of ['cluster_staff', 'admin', 'support_staff'] as const) {
      await expectAppError(
        updateCompanyProfile(
          database.db,
          roleCaller(role),
          { description: '', technologies: '', seeks: '' },
          NOW,
        ),
        'forbidden',
      );
    }
  });
});

describe(`a cluster invites its member companies (${testDriver()})`, () => {
  it('the invited person accepts with a name and a password and joins the company under the CVR', async () => {
    const staff = await createCaller(database.db, 'cluster_staff');
    const cvr = randomCvr();
    const existing = await verifySignup(database.db, await signUp(danish(cvr)), NOW);
    const invitation = await inviteCompany(
      database.db,
      staff,
      { organisationName: 'Medlem ApS', cvr, municipalityCode: '', email: 'Kollega@Medlem.example' },
      NOW,
    );
    expect(invitation.email).toBe('kollega@medlem.example');
    expect(await pendingSignup(database.db, invitation.token, NOW)).toEqual({
      organisationName: 'Medlem ApS',
      invitation: true,
    });
    await expect(
      verifySignup(database.db, invitation.token, NOW, undefined, {
        name: 'Kim',
        password: 'kort',
        confirm: 'kort',
      }),
    ).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'password', message: 'tooShort' }] });
    const account = await verifySignup(database.db, invitation.token, NOW, undefined, {
      name: 'Kim Kollega',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(account.organisationId).toBe(existing.organisationId);
    const user = await authenticateWithPassword(database.db, 'kollega@medlem.example', PASSWORD);
    expect(user?.name).toBe('Kim Kollega');
  });

  it('is for a cluster’s staff only, and refuses an address that has an account', async () => {
    const input = { organisationName: 'X ApS', cvr: randomCvr(), email: 'x@x.example' };
    for (const role of ['company_user', 'funder', 'admin', 'business_service_staff'] as const) {
      await expectAppError(inviteCompany(database.db, roleCaller(role), input, NOW), 'forbidden');
    }
    const staff = await createCaller(database.db, 'cluster_staff');
    const taken = await createUser(database.db, 'funder');
    await expect(
      inviteCompany(database.db, staff, { ...input, email: taken.email }, NOW),
    ).rejects.toMatchObject({
      code: 'validation',
      issues: [{ field: 'email', message: 'emailTaken' }],
    });
  });
});
