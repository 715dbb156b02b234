import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { RETENTION_PERIODS } from '../../src/domain/personal-data/retention.ts';
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

describe(`a person's own data and the privacy page (${testDriver()})`, () => {
  it('gives the signed-in person their data as JSON and as a PDF', async () => {
    const staff = await createUser(database.db, 'cluster_staff');
    const client = await signedInClient(t.app, staff.email);
    expect((await client.get('/konto/persondata')).res.status).toBe(200);
    const json = await client.request('/konto/persondata.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="persondata-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = (await json.json()) as { subject: { email: string }; sections: { table: string }[] };
    expect(data.subject.email).toBe(staff.email);
    expect(data.sections.map((s) => s.table)).toEqual(
      expect.arrayContaining(['users', 'memberships', 'sessions']),
    );
    const pdf = await client.request('/en/account/personal-data.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await new Client(t.app).request('/konto/persondata.json')).status).toBe(303);
  });

  it('states every retention period on the privacy page, in Danish and English', async () => {
    const da = (await new Client(t.app).get('/privatliv')).html;
    expect(da).toContain(`Invitationer, som ikke er taget i brug: ${RETENTION_PERIODS.invitations} dage`);
    expect(da).toContain(`${RETENTION_PERIODS.deliveryFiles / 365} år efter indberetningen`);
    expect(da).toContain(
      `${RETENTION_PERIODS.referralContacts / 365} år efter, at henvisningen er afsluttet`,
    );
    const en = (await new Client(t.app).get('/en/privacy')).html;
    expect(en).toContain(`Invitations not taken up: ${RETENTION_PERIODS.invitations} days`);
    expect(en).toContain(`Sessions (device, network and times): ${RETENTION_PERIODS.sessions} day after`);
    expect(en).toContain(`New-password links: ${RETENTION_PERIODS.resetTokens} day after`);
  });
});
