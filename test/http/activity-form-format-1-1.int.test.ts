import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { errorMessage } from '../../src/domain/reporting/format/errors.ts';
import { dataFingerprint, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster, createUser, randomCvr, TEST_PASSWORD } from '../support/factories.ts';
import { Client, createTestApp } from '../support/http.ts';

/**
 * The format 1.1 columns entered by hand (co-financing by source, EU application, kind of
 * knowledge institution) follow the file's rules and give the account the same 1.1 keys as the
 * same values delivered in a file.
 */

let database: Database;
let staff: Client;
const formCluster = randomCvr();
const fileCluster = randomCvr();
const [company, academy, unknownKind, college] = [randomCvr(), randomCvr(), randomCvr(), randomCvr()];

/** Two activities of 2025 as the form takes them (Danish number formats) and as a file gives them. */
interface Fixture {
  form: Record<string, string>;
  csv: string;
  participants: Record<string, string>[];
}
const ACTIVITIES: Fixture[] = [
  {
    form: {
      activity_ref: 'EU-1',
      title: 'EU-ansøgningsværksted',
      category: 'internationalisation',
      start_date: '2025-03-04',
      private_cofinancing_hours: '10',
      cofinancing_fees_dkk: '15.000',
      cofinancing_sponsorship_dkk: '2000',
      cofinancing_foundations_dkk: '',
      eu_application: '1',
    },
    csv: 'EU-1,EU-ansøgningsværksted,internationalisation,2025-03-04,10,15000,2000,,1',
    participants: [
      { participant_type: 'company', cvr: company, name: 'Firma ApS', employees: '12' },
      {
        participant_type: 'knowledge_institution',
        cvr: academy,
        name: 'Erhvervsakademiet',
        institution_kind: 'business_academy',
      },
      { participant_type: 'knowledge_institution', cvr: unknownKind, name: 'Ukendt institution' },
    ],
  },
  {
    form: {
      activity_ref: 'FOND-1',
      title: 'Fondsstøttet forløb',
      category: 'innovation_collaboration',
      start_date: '2025-09-01',
      private_cofinancing_hours: '',
      cofinancing_fees_dkk: '1.000',
      cofinancing_sponsorship_dkk: '',
      cofinancing_foundations_dkk: '50.000',
    },
    csv: 'FOND-1,Fondsstøttet forløb,innovation_collaboration,2025-09-01,,1000,,50000,0',
    participants: [
      { participant_type: 'company', cvr: company, name: 'Firma ApS', employees: '12' },
      {
        participant_type: 'knowledge_institution',
        cvr: college,
        name: 'Professionshøjskolen',
        institution_kind: 'university_college',
      },
    ],
  },
];

const PARTICIPANT_COLUMNS = ['participant_type', 'cvr', 'name', 'employees', 'institution_kind'] as const;

function deliveryFiles(clusterCvr: string) {
  const activities = [
    'cluster_cvr,activity_ref,title,category,start_date,private_cofinancing_hours,cofinancing_fees_dkk,cofinancing_sponsorship_dkk,cofinancing_foundations_dkk,eu_application',
    ...ACTIVITIES.map((a) => `${clusterCvr},${a.csv}`),
  ];
  const participants = [
    `cluster_cvr,activity_ref,${PARTICIPANT_COLUMNS.join(',')}`,
    ...ACTIVITIES.flatMap((a) =>
      a.participants.map((p) =>
        [clusterCvr, a.form.activity_ref, ...PARTICIPANT_COLUMNS.map((c) => p[c] ?? '')].join(','),
      ),
    ),
  ];
  return [
    textFile('activities.csv', `${activities.join('\n')}\n`),
    textFile('participants.csv', `${participants.join('\n')}\n`),
  ];
}

const account = (cvr: string) =>
  performanceAccount(database.db, 2025, { kind: 'cluster', cvr }, 'preliminary');

beforeAll(async () => {
  database = await createTestDatabase();
  const t = createTestApp(database);
  const { id } = await createCluster(database.db, { cvr: formCluster, name: 'Formklyngen', slug: 'form' });
  await createCluster(database.db, { cvr: fileCluster, name: 'Filklyngen', slug: 'fil' });
  const user = await createUser(database.db, 'cluster_staff', { organisationId: id });
  staff = new Client(t.app);
  await staff.login(user.email, TEST_PASSWORD);
});
afterAll(() => database?.close());

describe('the 1.1 columns on the activity and participant forms', () => {
  it('refuses bad 1.1 values with the file import’s messages and writes nothing', async () => {
    await staff.get('/arbejdsrum/aktiviteter/ny');
    const before = await dataFingerprint(database);
    const bad = await staff.post('/arbejdsrum/aktiviteter/ny', {
      ...ACTIVITIES[0]?.form,
      cofinancing_sponsorship_dkk: '-5',
      eu_application: '2',
    });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Der er fejl i formularen');
    expect(bad.html).toContain('href="#cofinancing_sponsorship_dkk"');
    expect(bad.html).toContain(`Sponsorater (kr.) ${errorMessage('nonNegativeInteger', 'da')}`);
    expect(bad.html).toContain('href="#eu_application"');
    expect(bad.html).toContain(
      `Aktiviteten bidrog til en ansøgning til et EU-program ${errorMessage('flag', 'da')}`,
    );
    expect(await dataFingerprint(database)).toBe(before);
  });

  it('refuses a kind of institution for a company, and an unknown kind, as a file would', async () => {
    await staff.get('/arbejdsrum/aktiviteter/ny');
    const created = await staff.post('/arbejdsrum/aktiviteter/ny', {
      ...ACTIVITIES[1]?.form,
      activity_ref: 'PROBE',
    });
    expect(created.res.status).toBe(303);
    const path = (created.res.headers.get('location') as string).split('?')[0] as string;
    await staff.get(path);
    const before = await dataFingerprint(database);
    const forCompany = await staff.post(`${path}/deltagere`, {
      participant_type: 'company',
      cvr: company,
      name: 'Firma ApS',
      institution_kind: 'university',
    });
    expect(forCompany.res.status).toBe(422);
    expect(forCompany.html).toContain('href="#institution_kind"');
    expect(forCompany.html).toContain(
      `Type af videninstitution ${errorMessage('institutionKindOnlyKnowledge', 'da')}`,
    );
    const unknown = await staff.post(`${path}/deltagere`, {
      participant_type: 'knowledge_institution',
      cvr: academy,
      name: 'Akademiet',
      institution_kind: 'college',
    });
    expect(unknown.res.status).toBe(422);
    expect(unknown.html).toContain(`Type af videninstitution ${errorMessage('institutionKind', 'da')}`);
    expect(await dataFingerprint(database)).toBe(before);
    await staff.get(`${path}/slet`);
    expect((await staff.post(`${path}/slet`, {})).res.status).toBe(303);
  });

  it('gives the same 1.1 account keys entered by form as delivered in a file', async () => {
    for (const a of ACTIVITIES) {
      await staff.get('/arbejdsrum/aktiviteter/ny');
      const created = await staff.post('/arbejdsrum/aktiviteter/ny', a.form);
      expect(created.res.status).toBe(303);
      const path = (created.res.headers.get('location') as string).split('?')[0] as string;
      for (const p of a.participants) {
        await staff.get(path);
        expect((await staff.post(`${path}/deltagere`, p)).res.status).toBe(303);
      }
    }
    const result = await deliver(database, deliveryFiles(fileCluster));
    expect(result).toMatchObject({ ok: true });

    const byForm = await account(formCluster);
    const byFile = await account(fileCluster);
    // Worked out by hand from the two activities above.
    expect(byForm.eu_applications).toBe(1);
    expect(byForm.private_cofinancing_by_source_dkk).toEqual({
      hours: 6_000,
      fees: 16_000,
      sponsorship: 2_000,
      foundations: 50_000,
    });
    expect(byForm.knowledge_institution_participations_by_kind).toEqual({
      business_academy: 1,
      university_college: 1,
      unknown: 1,
    });
    expect(byForm).toEqual(byFile);

    // The cluster's preliminary results page shows the splits entered by hand.
    const results = await staff.get(`/resultater/2025/klynger/${formCluster}?foreloebige=1`);
    expect(results.res.status).toBe(200);
    expect(results.html).toMatch(
      /<th scope="row">Private fonde<\/th><td class="results-number">50\.000<\/td>/,
    );
    expect(results.html).toMatch(/<th scope="row">Erhvervsakademier<\/th><td class="results-number">1<\/td>/);
  });

  it('shows the stored 1.1 values on the activity page and again in the edit forms', async () => {
    const list = await staff.get('/arbejdsrum/aktiviteter?q=EU-1');
    const path = /href="(\/arbejdsrum\/aktiviteter\/\d+)"/.exec(list.html)?.[1] as string;
    const page = await staff.get(path);
    expect(page.html).toContain('<dt>Deltager- og medlemsgebyrer (kr.)</dt><dd>15.000</dd>');
    expect(page.html).toContain('<dt>EU-ansøgning</dt><dd>Ja</dd>');
    expect(page.html).toContain('Videninstitution (Erhvervsakademi)');
    const edit = await staff.get(`${path}/rediger`);
    expect(edit.html).toMatch(/name="cofinancing_fees_dkk"[^>]*value="15.000"/);
    expect(edit.html).toMatch(/id="eu_application" name="eu_application" value="1" checked=""/);
    const en = await staff.get(`/en/workspace/activities/${path.split('/').pop()}`);
    expect(en.html).toContain('<dt>Participation and member fees (DKK)</dt><dd>15,000</dd>');
    expect(en.html).toContain('Knowledge institution (Business academy)');
  });
});
