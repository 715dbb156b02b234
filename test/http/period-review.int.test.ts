import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster, createOrganisation, createUser, randomCvr } from '../support/factories.ts';
import { createTestApp, signedInClient, type TestApp, uploadDelivery } from '../support/http.ts';

let database: Database;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestApp(database);
});
afterAll(() => database?.close());

/** The visible text of a page, tags removed, whitespace squeezed. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe(`a funder's review of a cluster's year (${testDriver()})`, () => {
  it('shows the activities with the activity rule, the participants, the preliminary figures and the decisions', async () => {
    const cvr = randomCvr();
    const cluster = await createCluster(database.db, { cvr, name: 'Gennemsynsklyngen', slug: 'gennemsyn' });
    const funderOrg = await createOrganisation(database.db, { kind: 'funder' });
    const otherOrg = await createOrganisation(database.db, { kind: 'funder' });
    await withActor(database.db, systemActor('test'), (tx) =>
      tx
        .insert(fundingGrants)
        .values({ funderId: funderOrg.id, clusterId: cluster.id, year: 2023, amountDkk: 1 }),
    );
    const staffUser = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
    const staff = await signedInClient(t.app, staffUser.email);
    const [c1, c2] = [randomCvr(), randomCvr()];
    const loaded = await uploadDelivery(t, staff, {
      'activities.csv':
        'cluster_cvr,activity_ref,title,category,start_date\n' +
        `${cvr},R1,Robotværksted,networking,2023-05-01\n${cvr},R2,Enkeltmøde,networking,2023-06-01\n`,
      'participants.csv':
        'cluster_cvr,activity_ref,participant_type,cvr,name\n' +
        `${cvr},R1,company,${c1},Firma Et ApS\n${cvr},R1,company,${c2},Firma To ApS\n${cvr},R2,company,${c1},Firma Et ApS\n`,
    });
    expect(loaded.html).toContain('Indberetningen er indlæst.');
    await staff.get('/arbejdsrum/perioder');
    expect(
      (await staff.post('/arbejdsrum/perioder', { clusterId: cluster.id, year: '2023', action: 'submit' }))
        .res.status,
    ).toBe(303);

    const funder = await signedInClient(
      t.app,
      (await createUser(database.db, 'funder', { organisationId: funderOrg.id })).email,
    );
    const path = `/indberetninger/status/${cluster.id}/2023`;
    expect((await funder.get('/indberetninger/status?year=2023')).html).toContain(`href="${path}"`);
    const page = await funder.get(path);
    expect(page.res.status).toBe(200);
    const shown = text(page.html);
    expect(shown).toContain('Gennemsynsklyngen: indberetningen for 2023');
    expect(shown).toContain('Status Indsendt Frist 1. marts 2024 Indsendt for sent');
    expect(shown).toContain(
      'Aktiviteter 2 Deltagelser i alt 3 Virksomhedsdeltagelser 3 Forskellige virksomheder (CVR) 2 Deltagelser af videninstitutioner 0 Andre deltagelser 0',
    );
    expect(shown).toContain(
      '1 af 2 aktiviteter har færre end to deltagere eller ingen virksomhed (aktivitetsreglen).',
    );
    expect(shown).toContain('R1 Robotværksted 1. maj 2023 2 2 Overholdt');
    expect(shown).toContain('R2 Enkeltmøde 1. juni 2023 1 1 Brudt');
    // The preliminary account counts the submitted (not yet approved) year: 2 activities, 2 companies.
    expect(shown).toContain('Foreløbige tal');
    expect(shown).toMatch(/Aktiviteter 2 Deltagende virksomheder 2 /);
    expect(page.html).toContain('>Godkend</button>');
    expect(page.html).toContain('>Send retur</button>');
    const english = text((await funder.get(`/en/reporting/status/${cluster.id}/2023`)).html);
    expect(english).toContain(
      '1 of 2 activities have fewer than two participants or no company (the activity rule).',
    );

    // The decision on the page goes through the status page's form.
    expect(
      (
        await funder.post('/indberetninger/status', {
          clusterId: cluster.id,
          year: '2023',
          action: 'approve',
        })
      ).res.status,
    ).toBe(303);
    expect(text((await funder.get(path)).html)).toContain('Status Godkendt');

    const other = await signedInClient(
      t.app,
      (await createUser(database.db, 'funder', { organisationId: otherOrg.id })).email,
    );
    expect((await other.get(path)).res.status).toBe(403);
    expect((await staff.get(path)).res.status).toBe(403);
    expect((await funder.get(`/indberetninger/status/${funderOrg.id}/2023`)).res.status).toBe(404);
    expect((await funder.get(`/indberetninger/status/${cluster.id}/tyve`)).res.status).toBe(404);
    const admin = await signedInClient(t.app, (await createUser(database.db, 'admin')).email);
    expect((await admin.get(path)).res.status).toBe(200);
  });
});
