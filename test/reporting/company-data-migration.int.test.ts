import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, migrateDatabase, queryRows } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { testDriver } from '../support/database.ts';
import { createEmptyTestDatabase, migrateUpTo } from '../support/migrations.ts';

/**
 * Migrations 0030-0034 move company data from one row per CVR to every participation (reporting
 * format 1.1): a database with deliveries from before keeps its figures, each participation
 * described as the company was, and the facts of the account are rebuilt on both bases.
 */
let database: Database;
const CLUSTER = '00000000-0000-4000-8000-0000000c1001';
const OTHER = '00000000-0000-4000-8000-0000000c1002';

beforeAll(async () => {
  database = await createEmptyTestDatabase();
  await migrateUpTo(database, '0029_funding_plans');
  // As a server deployed before 0030 holds them: company attributes once per CVR.
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.execute(sql`insert into organisations (id, kind, name, slug, cvr) values
      (${CLUSTER}, 'cluster_organisation', 'Klynge Før', 'klynge-foer', '30000005'),
      (${OTHER}, 'cluster_organisation', 'Klynge Anden', 'klynge-anden', '30001370')`);
    await tx.execute(sql`insert into clusters (organisation_id, league, stronghold_industries) values
      (${CLUSTER}, 'regional', '{62}'), (${OTHER}, 'regional', '{}')`);
    await tx.execute(sql`insert into companies (cvr, name, employees, municipality_code, industry_code) values
      ('30002741', 'Lille ApS', 10, 461, '620100'), ('30004116', 'Stor A/S', 400, 101, null),
      ('30008227', 'Universitet', null, 101, null)`);
    await tx.execute(sql`insert into activities (cluster_id, activity_ref, title, category, start_date, grant_dkk) values
      (${CLUSTER}, 'F1', 'Samarbejde', 'innovation_collaboration', '2023-03-01', 1000),
      (${OTHER}, 'G1', 'Netværk', 'networking', '2023-04-01', 500)`);
    await tx.execute(sql`insert into participations (activity_id, cluster_id, year, participant_type, cvr, foreign_name,
                                                     country, new_product)
      select a.id, a.cluster_id, a.year, p.type::participant_type, p.cvr, p.foreign_name, p.country, p.product
      from activities a join (values
        ('F1', 'company', '30002741', null, null, true), ('F1', 'company', '30004116', null, null, true),
        ('F1', 'knowledge_institution', '30008227', null, null, false),
        ('F1', 'foreign', null, 'Hanse Robotik GmbH', 'DE', false),
        ('G1', 'company', '30002741', null, null, false)
      ) as p(ref, type, cvr, foreign_name, country, product) on p.ref = a.activity_ref`);
    await tx.execute(
      sql`insert into reporting_periods (cluster_id, year, status) values (${CLUSTER}, 2023, 'approved')`,
    );
  });
  await migrateDatabase(database);
}, 120_000);
afterAll(() => database?.close());

describe(`migrations 0030-0034: company data per participation (${testDriver()})`, () => {
  it('describes every participation as its company was, and keeps the foreign name', async () => {
    expect(
      await queryRows(
        database.db,
        sql`select a.activity_ref as ref, p.cvr, p.name, p.employees, p.municipality_code as municipality,
                   p.industry_code as industry, p.country
            from participations p join activities a on a.id = p.activity_id order by 1, 2 nulls last`,
      ),
    ).toEqual([
      {
        ref: 'F1',
        cvr: '30002741',
        name: 'Lille ApS',
        employees: 10,
        municipality: 461,
        industry: '620100',
        country: null,
      },
      {
        ref: 'F1',
        cvr: '30004116',
        name: 'Stor A/S',
        employees: 400,
        municipality: 101,
        industry: null,
        country: null,
      },
      {
        ref: 'F1',
        cvr: '30008227',
        name: 'Universitet',
        employees: null,
        municipality: 101,
        industry: null,
        country: null,
      },
      {
        ref: 'F1',
        cvr: null,
        name: 'Hanse Robotik GmbH',
        employees: null,
        municipality: null,
        industry: null,
        country: 'DE',
      },
      {
        ref: 'G1',
        cvr: '30002741',
        name: 'Lille ApS',
        employees: 10,
        municipality: 461,
        industry: '620100',
        country: null,
      },
    ]);
    expect(await queryRows(database.db, sql`select cvr from companies order by cvr`)).toEqual([
      { cvr: '30002741' },
      { cvr: '30004116' },
      { cvr: '30008227' },
    ]);
  });

  it('rebuilds the facts of the account on both bases: the approved cluster alone is official', async () => {
    expect(
      await queryRows(
        database.db,
        sql`select official, cvr, flags, employees from company_year_facts order by official, cvr`,
      ),
    ).toEqual([
      { official: false, cvr: '30002741', flags: 4 | 16, employees: 10 },
      { official: false, cvr: '30004116', flags: 4 | 16, employees: 400 },
      { official: true, cvr: '30002741', flags: 4 | 16, employees: 10 },
      { official: true, cvr: '30004116', flags: 4 | 16, employees: 400 },
    ]);
    expect(await performanceAccount(database.db, 2023)).toMatchObject({
      preliminary: false,
      activities: 1,
      participating_companies: 2,
      small_participating_companies: 1,
      innovating_companies_by_region: { '1083': 1, '1084': 1 },
      knowledge_institution_participations_by_kind: { unknown: 1 },
    });
    expect(await performanceAccount(database.db, 2023, { kind: 'national' }, 'preliminary')).toMatchObject({
      preliminary: true,
      activities: 2,
      participating_companies: 2,
      grant_dkk: 1500,
    });
  });
});
