import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { auditLog, companies, participations } from '../../src/db/schema/index.ts';
import { reportParticipation } from '../referrals/fixtures.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster, createUser, randomCvr } from '../support/factories.ts';
import { type Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let admin: Client;
let clusterId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
  const cvr = randomCvr();
  clusterId = (await createCluster(database.db, { cvr, name: 'Klynge', slug: `klynge-${cvr}` })).id;
  admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

/** A sole proprietorship reported by the cluster twice, under a name no other participant has. */
async function soleProprietor() {
  const cvr = randomCvr();
  const name = `Maler ${cvr.split('').reverse().join('')} v/Ida Holm`;
  await reportParticipation(database.db, clusterId, cvr, '2023-02-01', name);
  await reportParticipation(database.db, clusterId, cvr, '2024-02-01', name);
  return { cvr, name };
}

const companyExists = async (cvr: string) =>
  (await database.db.select().from(companies).where(eq(companies.cvr, cvr))).length === 1;

describe(`an administrator's pages for a participant's personal data (${testDriver()})`, () => {
  it('finds the participant by name and exports its data as JSON and PDF', async () => {
    const p = await soleProprietor();
    const page = await admin.get(`/admin/deltagere?q=${encodeURIComponent('ida holm')}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain(p.name);
    expect(page.html).toContain(`href="/admin/deltagere/${p.cvr}/persondata.json"`);
    expect(page.html).toContain(`href="/admin/deltagere/${p.cvr}/slet-persondata"`);

    const json = await admin.request(`/admin/deltagere/${p.cvr}/persondata.json`);
    expect(json.status).toBe(200);
    const data = (await json.json()) as { subject: unknown; sections: { table: string; rows: unknown[] }[] };
    expect(data.subject).toEqual({ kind: 'participant', cvr: p.cvr, name: p.name });
    expect(data.sections.find((s) => s.table === 'participations')?.rows).toHaveLength(2);

    const pdf = await admin.request(`/en/admin/participants/${p.cvr}/personal-data.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('says what is wrong with a search of one character, in Danish and English', async () => {
    const da = await admin.get('/admin/deltagere?q=x');
    expect(da.res.status).toBe(422);
    expect(da.html).toContain('Skriv et CVR-nummer eller mindst 2 tegn af et navn.');
    const en = await admin.get('/en/admin/participants?q=x');
    expect(en.res.status).toBe(422);
    expect(en.html).toContain('Enter a CVR number or at least 2 characters of a name.');
  });

  it('erases only after the confirmation, then shows a receipt; the audit entry holds no erased value', async () => {
    const p = await soleProprietor();
    const confirm = await admin.get(`/admin/deltagere/${p.cvr}/slet-persondata`);
    expect(confirm.res.status).toBe(200);
    expect(confirm.html).toContain('2 deltagelser hos 1 klynge (2023–2024)');

    const unconfirmed = await admin.post(`/admin/deltagere/${p.cvr}/slet-persondata`, {});
    expect(unconfirmed.res.status).toBe(422);
    expect(unconfirmed.html).toContain('Bekræft, at deltagerens persondata skal slettes.');
    expect(await companyExists(p.cvr)).toBe(true);

    const erased = await admin.post(`/admin/deltagere/${p.cvr}/slet-persondata`, { confirm: 'yes' });
    expect(erased.res.status).toBe(303);
    const location = erased.res.headers.get('location') ?? '';
    const pseudonym = new URL(location, 'http://x').searchParams.get('slettet') ?? '';
    expect(location).toBe(`/admin/deltagere?slettet=${pseudonym}`);
    expect(await companyExists(p.cvr)).toBe(false);
    const moved = await database.db.select().from(participations).where(eq(participations.cvr, pseudonym));
    expect(moved.map((m) => m.name)).toEqual(['Slettet deltager', 'Slettet deltager']);

    const receipt = await admin.get(location);
    expect(receipt.html).toContain('Deltagerens persondata er slettet');
    expect(receipt.html).toContain(pseudonym);
    const [entry] = await database.db
      .select({ text: sql<string>`${auditLog}::text` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'erase'), eq(auditLog.entityId, pseudonym)));
    expect(entry?.text).toContain('participant');
    expect(entry?.text).not.toContain(p.cvr);
    expect(entry?.text).not.toContain(p.name);

    expect((await admin.get(`/admin/deltagere/${p.cvr}/slet-persondata`)).res.status).toBe(404);
  });

  it('refuses other roles: no search page, no export, no erasure', async () => {
    const p = await soleProprietor();
    const staff = await signedInClient(t.app, (await createUser(database.db, 'cluster_staff')).email);
    expect((await staff.get(`/admin/deltagere?q=${p.cvr}`)).res.status).toBe(403);
    expect((await staff.request(`/admin/deltagere/${p.cvr}/persondata.json`)).status).toBe(403);
    await staff.get('/konto');
    const post = await staff.post(`/admin/deltagere/${p.cvr}/slet-persondata`, { confirm: 'yes' });
    expect(post.res.status).toBe(403);
    expect(await companyExists(p.cvr)).toBe(true);
  });
});
