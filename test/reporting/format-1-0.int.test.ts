/**
 * Format 1.0 files load unchanged under 1.1 (docs/reporting-format.md): a delivery without the 1.1
 * columns gives the same account as the same rows delivered with the 1.1 columns present and
 * empty, and the 1.1 keys take the values the spec gives missing data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { createTestDatabase } from '../support/database.ts';
import { randomCvr } from '../support/factories.ts';
import { deliver, textFile } from './delivery-helpers.ts';

let database: Database;
const OLD = randomCvr(); // delivers format 1.0
const NEW = randomCvr(); // delivers the same rows in format 1.1, its new columns empty
const [FIRM_A, FIRM_B, UNIVERSITY] = [randomCvr(), randomCvr(), randomCvr()];

const clustersCsv = `cvr,name,league,municipality_code\n${OLD},Klynge 1.0,regional,101\n${NEW},Klynge 1.1,regional,751\n`;

const activities10 = (cluster: string) =>
  [
    'cluster_cvr,activity_ref,title,category,start_date,grant_dkk,external_funding_dkk,private_cofinancing_hours',
    `${cluster},A1,Samarbejde,innovation_collaboration,2025-03-01,10000,5000,12.5`,
    `${cluster},A2,Messe,internationalisation,2025-09-15,,,4`,
  ].join('\n');

const activities11 = (cluster: string) =>
  [
    'cluster_cvr,activity_ref,title,category,start_date,grant_dkk,external_funding_dkk,private_cofinancing_hours,cofinancing_fees_dkk,cofinancing_sponsorship_dkk,cofinancing_foundations_dkk,eu_application',
    `${cluster},A1,Samarbejde,innovation_collaboration,2025-03-01,10000,5000,12.5,,,,`,
    `${cluster},A2,Messe,internationalisation,2025-09-15,,,4,,,,0`,
  ].join('\n');

const participantRows = (cluster: string, kindColumn: boolean) => [
  `${cluster},A1,company,${FIRM_A},Firma A,10,101,620100,1,0,1${kindColumn ? ',' : ''}`,
  `${cluster},A1,knowledge_institution,${UNIVERSITY},Universitet,,,,0,0,0${kindColumn ? ',' : ''}`,
  `${cluster},A2,company,${FIRM_A},Firma A,10,101,620100,0,1,0${kindColumn ? ',' : ''}`,
  `${cluster},A2,company,${FIRM_B},Firma B,120,751,,1,0,0${kindColumn ? ',' : ''}`,
];
const participantsHeader =
  'cluster_cvr,activity_ref,participant_type,cvr,name,employees,municipality_code,industry_code,new_competence,new_idea,new_product';
const participants10 = (cluster: string) =>
  [participantsHeader, ...participantRows(cluster, false)].join('\n');
const participants11 = (cluster: string) =>
  [`${participantsHeader},institution_kind`, ...participantRows(cluster, true)].join('\n');

beforeAll(async () => {
  database = await createTestDatabase();
  const register = await deliver(database, [textFile('clusters.csv', clustersCsv)]);
  expect(register.ok).toBe(true);
}, 120_000);
afterAll(() => database?.close());

describe('a format 1.0 delivery under format 1.1', () => {
  it('loads, and gives the same account as the same rows with the 1.1 columns empty', async () => {
    const old = await deliver(database, [
      textFile('activities.csv', activities10(OLD)),
      textFile('participants.csv', participants10(OLD)),
    ]);
    expect(old.ok, JSON.stringify(old.ok ? '' : old.errors)).toBe(true);
    const current = await deliver(database, [
      textFile('activities.csv', activities11(NEW)),
      textFile('participants.csv', participants11(NEW)),
    ]);
    expect(current.ok, JSON.stringify(current.ok ? '' : current.errors)).toBe(true);

    const account = (cvr: string) =>
      performanceAccount(database.db, 2025, { kind: 'cluster', cvr }, 'preliminary');
    const [of10, of11] = [await account(OLD), await account(NEW)];
    expect(of10).toEqual(of11);
    // By hand from the rows above: 16.5 hours at DKK 600; no 1.1 data, so the spec's empty values.
    expect(of10).toMatchObject({
      activities: 2,
      participating_companies: 2,
      small_participating_companies: 1,
      innovating_companies: 1,
      collaborating_companies: 1,
      international_companies: 2,
      knowledge_institution_participations: 1,
      grant_dkk: 10_000,
      external_funding_dkk: 5_000,
      private_cofinancing_dkk: 9_900,
      eu_applications: 0,
      private_cofinancing_by_source_dkk: { hours: 9_900, fees: 0, sponsorship: 0, foundations: 0 },
      knowledge_institution_participations_by_kind: { unknown: 1 },
    });
  });

  it('loads the same 1.0 files again without change, and national figures count each company once', async () => {
    const again = await deliver(database, [
      textFile('activities.csv', activities10(OLD)),
      textFile('participants.csv', participants10(OLD)),
    ]);
    expect(again.ok).toBe(true);
    const national = await performanceAccount(database.db, 2025, { kind: 'national' }, 'preliminary');
    expect(national).toMatchObject({
      activities: 4,
      participating_companies: 2,
      knowledge_institution_participations: 2,
      private_cofinancing_by_source_dkk: { hours: 19_800, fees: 0, sponsorship: 0, foundations: 0 },
      knowledge_institution_participations_by_kind: { unknown: 2 },
    });
  });
});
