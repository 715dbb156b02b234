import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import {
  auditLog,
  memberships,
  recoveryCodes,
  sessions,
  totpAuthenticators,
  userIdentities,
  users,
} from '../../src/db/schema/index.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createUser } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

const rows = async (
  table: typeof sessions | typeof userIdentities | typeof recoveryCodes,
  userId: string,
) => {
  const [row] = await database.db.select({ n: count() }).from(table).where(eq(table.userId, userId));
  return row?.n ?? 0;
};

/** A funder with two sessions, an authenticator with recovery codes and a linked identity. */
async function supportCase() {
  const person = await createUser(database.db, 'funder');
  await signedInClient(t.app, person.email);
  await signedInClient(t.app, person.email);
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx
      .insert(totpAuthenticators)
      .values({ userId: person.id, secret: 'JBSWY3DPEHPK3PXP', confirmedAt: new Date() });
    await tx.insert(recoveryCodes).values([
      { codeHash: `a-${person.id}`, userId: person.id },
      { codeHash: `b-${person.id}`, userId: person.id },
    ]);
    await tx
      .insert(userIdentities)
      .values({ userId: person.id, provider: 'nemlogin', subject: `sub-${person.id}` });
  });
  return person;
}

describe(`an administrator's page about one user (${testDriver()})`, () => {
  it('shows the support case and ends sessions, resets two-step login and unlinks an identity', async () => {
    const person = await supportCase();
    const admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
    const users = await admin.get('/admin/brugere');
    expect(users.html).toContain(`href="/admin/brugere/${person.id}"`);

    const page = await admin.get(`/admin/brugere/${person.id}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('2 aktive sessioner');
    expect(page.html).toContain('Sat op; 2 gendannelseskoder tilbage.');
    expect(page.html).toContain(`sub-${person.id}`);

    const ended = await admin.post(`/admin/brugere/${person.id}/afslut-sessioner`, {});
    expect(ended.res.status).toBe(303);
    expect(ended.res.headers.get('location')).toBe(`/admin/brugere/${person.id}?udfoert=sessions&antal=2`);
    expect(await rows(sessions, person.id)).toBe(0);
    expect((await admin.get(`/admin/brugere/${person.id}?udfoert=sessions&antal=2`)).html).toContain(
      '2 sessioner er afsluttet.',
    );

    expect((await admin.post(`/admin/brugere/${person.id}/nulstil-totrinslogin`, {})).res.status).toBe(303);
    expect(await rows(recoveryCodes, person.id)).toBe(0);
    const [authenticator] = await database.db
      .select()
      .from(totpAuthenticators)
      .where(eq(totpAuthenticators.userId, person.id));
    expect(authenticator).toBeUndefined();

    const [identity] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, person.id));
    await admin.get(`/admin/brugere/${person.id}`);
    expect(
      (await admin.post(`/admin/brugere/${person.id}/fjern-identitet`, { identityId: identity?.id ?? '' }))
        .res.status,
    ).toBe(303);
    expect(await rows(userIdentities, person.id)).toBe(0);
  });

  it('exports the person as JSON and erases them only once confirmed', async () => {
    const person = await supportCase();
    const admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
    const json = await admin.request(`/admin/brugere/${person.id}/persondata.json`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { subject: { email: string } }).subject.email).toBe(person.email);

    await admin.get(`/admin/brugere/${person.id}`);
    const unconfirmed = await admin.post(`/admin/brugere/${person.id}/slet-persondata`, {});
    expect(unconfirmed.res.status).toBe(422);
    expect(unconfirmed.html).toContain('Bekræft, at brugerens persondata skal slettes.');
    const [kept] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(kept?.erasedAt).toBeNull();

    const erased = await admin.post(`/admin/brugere/${person.id}/slet-persondata`, { confirm: 'yes' });
    expect(erased.res.status).toBe(303);
    const [gone] = await database.db.select().from(users).where(eq(users.id, person.id));
    expect(gone?.erasedAt).not.toBeNull();
    expect(gone?.email).not.toBe(person.email);
    const after = await admin.get(`/admin/brugere/${person.id}?udfoert=erased`);
    expect(after.html).toContain('Brugerens persondata er slettet.');
    expect(after.html).not.toContain('slet-persondata');
  });

  it('refuses everyone but administrators, and changes nothing for them', async () => {
    const person = await supportCase();
    const funder = await signedInClient(t.app, (await createUser(database.db, 'funder')).email);
    await funder.get('/konto');
    expect((await funder.get(`/admin/brugere/${person.id}`)).res.status).toBe(403);
    expect((await funder.request(`/admin/brugere/${person.id}/persondata.json`)).status).toBe(403);
    for (const action of ['afslut-sessioner', 'nulstil-totrinslogin', 'slet-persondata'])
      expect(
        (await funder.post(`/admin/brugere/${person.id}/${action}`, { confirm: 'yes' })).res.status,
      ).toBe(403);
    expect(await rows(sessions, person.id)).toBe(2);
    expect(await rows(recoveryCodes, person.id)).toBe(2);
    expect((await new Client(t.app).request(`/admin/brugere/${person.id}`)).status).toBe(303);
    // Their own data is on their account page, not here.
    const self = await signedInClient(t.app, person.email);
    expect((await self.request(`/admin/brugere/${person.id}/persondata.json`)).status).toBe(403);
  });
  it("changes a user's role from the user's own page, audited; others may not; a held role is refused", async () => {
    const person = await createUser(database.db, 'funder');
    const adminUser = await createUser(database.db, 'admin');
    const admin = await signedInClient(t.app, adminUser.email);
    const page = await admin.get(`/admin/brugere/${person.id}`);
    expect(page.html).toContain(`action="/admin/brugere/${person.id}/rolle"`);
    const roleOf = async () =>
      (
        await database.db
          .select({ role: memberships.role })
          .from(memberships)
          .where(eq(memberships.userId, person.id))
      ).map((m) => m.role);
    const change = { organisationId: person.organisationId, role: 'funder', newRole: 'assessor' };

    // Somebody else signed in (a funder of the same organisation) is refused, and nothing changes.
    const colleague = await createUser(database.db, 'funder', { organisationId: person.organisationId });
    const other = await signedInClient(t.app, colleague.email);
    await other.get('/konto');
    expect((await other.post(`/admin/brugere/${person.id}/rolle`, change)).res.status).toBe(403);
    expect(await roleOf()).toEqual(['funder']);

    const changed = await admin.post(`/admin/brugere/${person.id}/rolle`, change);
    expect(changed.res.status).toBe(303);
    expect(changed.res.headers.get('location')).toBe(`/admin/brugere/${person.id}?udfoert=role`);
    expect(await roleOf()).toEqual(['assessor']);
    const after = await admin.get(`/admin/brugere/${person.id}?udfoert=role`);
    expect(after.html).toContain('Rollen er skiftet.');
    const [audited] = await database.db
      .select({ actor: auditLog.actorUserId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'memberships'),
          eq(auditLog.action, 'update'),
          eq(auditLog.actorUserId, adminUser.id),
        ),
      );
    expect(audited?.actor).toBe(adminUser.id);

    // Changing a role the user no longer holds into one they hold is refused on the page.
    const again = await admin.post(`/admin/brugere/${person.id}/rolle`, { ...change, role: 'funder' });
    expect(again.res.status).toBe(409);
    expect(again.html).toContain('Brugeren har allerede den rolle i organisationen.');
  });
});
