import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { pdfText, skipPdf } from '../reports/helpers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createOrganisation, createUser, randomCvr } from '../support/factories.ts';
import { type Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';

let database: Database;
let t: TestApp;
let funder: Client;
let coFunder: Client;
let staff: Client;
let grantId: string;
let page: string;
let clusterSlug: string;
let outsider: Client;

const dateFields = (name: string, day: string, month: string, year: string) => ({
  [`${name}Day`]: day,
  [`${name}Month`]: month,
  [`${name}Year`]: year,
});

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database, { LOG_LEVEL: 'error' });
  const ministry = await createOrganisation(database.db, { kind: 'funder', name: 'Sideministeriet' });
  const region = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'regional' });
  const cvr = randomCvr();
  const cluster = await createCluster(database.db, { cvr, name: 'Sideklyngen', slug: `sideklyngen-${cvr}` });
  const grants = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(fundingGrants)
      .values([
        {
          funderId: ministry.id,
          clusterId: cluster.id,
          year: 2025,
          amountDkk: 1_000_000,
          source: 'finance_act',
        },
        { funderId: region.id, clusterId: cluster.id, year: 2025, amountDkk: 250_000, source: 'other' },
      ])
      .returning({ id: fundingGrants.id }),
  );
  grantId = grants[0]?.id ?? '';
  clusterSlug = cluster.slug;
  page = `/finansiering/bevillinger/bevilling/${grantId}`;
  funder = await signedInClient(
    t.app,
    (await createUser(database.db, 'funder', { organisationId: ministry.id })).email,
  );
  coFunder = await signedInClient(
    t.app,
    (await createUser(database.db, 'funder', { organisationId: region.id })).email,
  );
  const other = await createOrganisation(database.db, { kind: 'funder', funderLevel: 'municipal' });
  outsider = await signedInClient(
    t.app,
    (await createUser(database.db, 'funder', { organisationId: other.id })).email,
  );
  staff = await signedInClient(
    t.app,
    (await createUser(database.db, 'cluster_staff', { organisationId: cluster.id })).email,
  );
  // Five sign-ins (password hashing) on a busy machine.
}, 120_000);
afterAll(() => database?.close());

describe('the funder’s grant page', () => {
  it('refuses a payment plan that does not add up to the grant, keeping what was typed', async () => {
    expect((await funder.get(page)).html).toContain('Ikke udarbejdet');
    const { res, html } = await funder.post(`${page}/betalingsplan`, {
      ...dateFields('dueOn1', '1', '3', '2025'),
      amount1: '600.000',
      ...dateFields('dueOn2', '30', '9', '2025'),
      amount2: '300.000',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('Raterne skal tilsammen give bevillingens beløb.');
    expect(html).toContain('name="amount2" type="text" value="300.000"');
  });

  it('names the field of a date that does not exist', async () => {
    const { res, html } = await funder.post(`${page}/betalingsplan`, {
      ...dateFields('dueOn1', '30', '2', '2025'),
      amount1: '1.000.000',
    });
    expect(res.status).toBe(422);
    expect(html).toContain('href="#dueOn1"');
  });

  it('saves a plan that adds up, draws up the agreement and sends it', async () => {
    const saved = await funder.post(`${page}/betalingsplan`, {
      ...dateFields('dueOn1', '1', '3', '2025'),
      amount1: '600.000',
      ...dateFields('dueOn2', '1', '9', '2025'),
      amount2: '400.000',
    });
    expect(saved.res.status).toBe(303);
    expect(saved.res.headers.get('location')).toBe(`${page}?done=planSaved`);
    const shown = await funder.get(`${page}?done=planSaved`);
    expect(shown.html).toContain('Betalingsplanen er gemt.');
    expect(shown.html).toContain('1. marts 2025');
    expect(shown.html).toContain('1.000.000 kr.');

    const early = await funder.post(`${page}/aftale/send`, {});
    expect(early.res.status).toBe(409);
    expect(early.html).toContain('Udarbejd bevillingsaftalen, før den sendes.');
    await funder.get(page);
    expect(
      (await funder.post(`${page}/aftale`, { conditions: 'Deltag i to netværksmøder.' })).res.status,
    ).toBe(303);
    await funder.get(page);
    expect((await funder.post(`${page}/aftale/send`, {})).res.status).toBe(303);
    const sent = await funder.get(page);
    expect(sent.html).toContain('Sendt til klyngen');
    expect(sent.html).not.toContain('Gem betalingsplanen');
  });

  it('is read by a co-funder, who may not change it', async () => {
    const { res, html } = await coFunder.get(page);
    expect(res.status).toBe(200);
    expect(html).toContain('Hent bevillingsaftalen (PDF)');
    expect(html).not.toContain('Markér som betalt');
    const refused = await coFunder.post(`${page}/betalingsplan/betaling`, {
      instalmentId: grantId,
      row: '1',
    });
    expect(refused.res.status).toBe(403);
  });

  it('is linked from the co-financing page for the cluster’s funders, refused to other funders', async () => {
    const link = `href="${page}"`;
    expect((await coFunder.get(`/finansiering/bevillinger/klynger/${clusterSlug}`)).html).toContain(link);
    const other = await outsider.get(`/finansiering/bevillinger/klynger/${clusterSlug}`);
    expect(other.res.status).toBe(200);
    expect(other.html).not.toContain(link);
    expect((await outsider.get(page)).res.status).toBe(403);
  });

  it('is refused to the cluster’s staff, who have their own page', async () => {
    expect((await staff.get(page)).res.status).toBe(403);
  });
});

describe('the cluster’s grants', () => {
  it('lists the grants with the agreement’s state, in Danish and English', async () => {
    const da = await staff.get('/arbejdsrum/bevillinger');
    expect(da.res.status).toBe(200);
    expect(da.html).toContain('Sideministeriet');
    expect(da.html).toContain('1.000.000 kr.');
    expect(da.html).toContain('Sendt til klyngen');
    expect(da.html).toContain('Ikke udarbejdet');
    const en = await staff.get('/en/workspace/grants');
    expect(en.html).toContain('DKK 1,000,000');
    expect(en.html).toContain('Sent to the cluster');
  });

  it('accepts the agreement after a confirmation, keeping who and when', async () => {
    const grant = await staff.get(`/arbejdsrum/bevillinger/${grantId}`);
    expect(grant.html).toContain(`href="/arbejdsrum/bevillinger/${grantId}/accepter"`);
    expect(grant.html).toContain('600.000 kr.');
    const confirm = await staff.get(`/arbejdsrum/bevillinger/${grantId}/accepter`);
    expect(confirm.res.status).toBe(200);
    expect(confirm.html).toContain('Acceptér aftalen');
    const accepted = await staff.post(`/arbejdsrum/bevillinger/${grantId}/accepter`, {});
    expect(accepted.res.status).toBe(303);
    const after = await staff.get(`/arbejdsrum/bevillinger/${grantId}?done=accepted`);
    expect(after.html).toContain('Bevillingsaftalen er accepteret.');
    expect(after.html).toContain('Accepteret af');
    const [row] = await queryRows<{ status: string }>(
      database.db,
      sql`select status from grant_agreements where grant_id = ${grantId}`,
    );
    expect(row?.status).toBe('accepted');
    expect((await staff.post(`/arbejdsrum/bevillinger/${grantId}/accepter`, {})).res.status).toBe(409);
  });

  it('downloads the agreement as a PDF', async () => {
    const res = await staff.request(`/arbejdsrum/bevillinger/${grantId}/bevillingsaftale.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (!skipPdf) {
      const text = await pdfText(bytes);
      expect(text).toContain('Bevillingsaftale: Sideklyngen 2025');
      expect(text).toContain('Deltag i to netværksmøder.');
      expect(text).toContain('1. september 2025: 400.000 kr.');
    }
  });
});

describe('payments', () => {
  it('are recorded by the funder with the day paid, which the cluster sees', async () => {
    const shown = await funder.get(page);
    const instalmentId = /name="instalmentId" value="([^"]+)"/.exec(shown.html)?.[1] ?? '';
    const missing = await funder.post(`${page}/betalingsplan/betaling`, {
      instalmentId,
      row: '1',
      ...dateFields('paidOn1', '', '', ''),
    });
    expect(missing.res.status).toBe(422);
    expect(missing.html).toContain('href="#paidOn1"');
    await funder.get(page);
    const paid = await funder.post(`${page}/betalingsplan/betaling`, {
      instalmentId,
      row: '1',
      ...dateFields('paidOn1', '3', '3', '2025'),
    });
    expect(paid.res.status).toBe(303);
    const cluster = await staff.get(`/arbejdsrum/bevillinger/${grantId}`);
    expect(cluster.html).toContain('Betalt 3. marts 2025');
    const listed = await staff.get('/arbejdsrum/bevillinger');
    expect(listed.html).toContain('600.000 kr.');
  });
});
