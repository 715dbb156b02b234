import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { auditLog, memberships, users } from '../../src/db/schema/index.ts';
import { ROLES } from '../../src/domain/policy/policy.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';
import { expectRequiredFieldMarks } from '../support/forms.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

async function signedIn(role: (typeof ROLES)[number]) {
  const user = await createUser(database.db, role);
  return { user, client: await signedInClient(t.app, user.email) };
}

describe('administration pages: role × page', () => {
  const pages = ['/admin', '/admin/brugere', '/admin/revisionslog', '/en/admin/audit-log'];
  for (const role of ROLES) {
    it(`${role} ${role === 'admin' ? 'sees' : 'is refused'} the administration pages`, async () => {
      const { client } = await signedIn(role);
      for (const path of pages) {
        const { res } = await client.get(path);
        expect(res.status, path).toBe(role === 'admin' ? 200 : 403);
      }
    });
  }

  it('sends visitors to the login page', async () => {
    const { res } = await new Client(t.app).get('/admin/revisionslog');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/log-ind?next=%2Fadmin%2Frevisionslog');
  });

  it('refuses a POST to create a user from a non-admin, writing nothing', async () => {
    const { client } = await signedIn('funder');
    await client.get('/konto');
    const org = await createOrganisation(database.db);
    const { res } = await client.post('/admin/brugere', {
      name: 'Sneaky',
      email: 'sneaky@test.dk',
      organisationId: org.id,
      role: 'admin',
    });
    expect(res.status).toBe(403);
    expect(await database.db.select().from(users).where(eq(users.email, 'sneaky@test.dk'))).toHaveLength(0);
  });
});

describe('admin creates a user', () => {
  it('creates the user and membership, mails a set-password link, and audits both with the admin as actor', async () => {
    const { user: admin, client } = await signedIn('admin');
    const org = await createOrganisation(database.db, { name: 'Testklyngen' });
    // Every field of the invitation is required: the form says so once and marks none optional.
    const form = await client.get('/admin/brugere');
    expectRequiredFieldMarks(form.html, { required: 'Navn' });
    expect(form.html).not.toMatch(/\(valgfri\)<\/(label|legend)>/);
    const { res } = await client.post('/admin/brugere', {
      name: 'Karen Klynge',
      email: 'Karen@Testklyngen.dk',
      organisationId: org.id,
      role: 'cluster_staff',
    });
    expect(res.status).toBe(303);
    const [created] = await database.db.select().from(users).where(eq(users.email, 'karen@testklyngen.dk'));
    expect(created?.passwordHash).toBeNull();
    const ms = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, created?.id as string));
    expect(ms).toEqual([expect.objectContaining({ organisationId: org.id, role: 'cluster_staff' })]);
    expect(t.deps.mailer.outbox.at(-1)?.to).toBe('karen@testklyngen.dk');

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, admin.id), eq(auditLog.action, 'insert')));
    expect(audit.map((a) => a.entity).sort()).toEqual(['memberships', 'users']);
    expect(audit.every((a) => a.actorLabel === admin.email)).toBe(true);

    const { html } = await client.get('/admin/revisionslog?entity=users');
    expect(html).toContain('karen@testklyngen.dk');
    expect(html).toContain(admin.email);
  });

  it('shows specific errors and writes nothing for bad input', async () => {
    const { client } = await signedIn('admin');
    await client.get('/admin/brugere');
    const before = await database.db.select().from(users);
    const bad = await client.post('/admin/brugere', {
      name: '',
      email: 'not-an-email',
      organisationId: 'x',
      role: 'king',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Skriv en gyldig e-mailadresse');
    expect(bad.html).toMatch(/id="name-error"[^>]*>Navn skal udfyldes\./);
    expect(await database.db.select().from(users)).toHaveLength(before.length);

    const existing = await createUser(database.db, 'funder');
    const org = await createOrganisation(database.db);
    const taken = await client.post('/admin/brugere', {
      name: 'Dup',
      email: existing.email,
      organisationId: org.id,
      role: 'funder',
    });
    expect(taken.res.status).toBe(409);
    expect(taken.html).toContain('Der findes allerede en bruger med den e-mail.');
  });
});

describe('audit log browsing', () => {
  it('filters by entity and actor, and pages', async () => {
    const { client } = await signedIn('admin');
    for (let i = 0; i < 3; i++) await createOrganisation(database.db, { name: `Filterorg ${i}` });
    const { html } = await client.get('/admin/revisionslog?entity=organisations&actor=system%3Atest');
    expect(html).toContain('Filterorg 2');
    expect(html).toContain('<td>organisations<br/>');
    expect(html).not.toContain('<td>memberships<br/>');
    expect(html).not.toContain('<td>users<br/>');
    const none = await client.get('/admin/revisionslog?actor=nobody-at-all');
    expect(none.html).toContain('Ingen ændringer matcher filteret.');
    const future = await client.get('/admin/revisionslog?from=2999-01-01');
    expect(future.html).toContain('Ingen ændringer matcher filteret.');
    const junk = await client.get('/admin/revisionslog?page=abc&from=yesterday');
    expect(junk.res.status).toBe(200);
  });

  it('cannot be changed or deleted, even by SQL', async () => {
    await expect(database.db.update(auditLog).set({ action: 'x' })).rejects.toThrow();
    await expect(database.db.delete(auditLog)).rejects.toThrow();
  });
});
