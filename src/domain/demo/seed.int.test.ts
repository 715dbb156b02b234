import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWith } from '../../../test/support/callers.ts';
import { createTestDatabase, testDriver } from '../../../test/support/database.ts';
import type { Database } from '../../db/client.ts';
import { verifyPassword } from '../accounts/passwords.ts';
import { assessmentsOf } from '../calls/processing.ts';
import { catalogueBySignificance } from '../catalogue/queries.ts';
import { attentionOf } from '../landing/attention.ts';
import { isValidCvr, isValidDb07Code } from '../reference/identifiers.ts';
import { certificateStatus } from '../support/certificate.ts';
import { DEMO_MATCHMAKING_PARTICIPANTS } from './matchmaking.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_REFERENCE_DATE, type DemoSummary, seedDemo } from './seed.ts';

// Seeding takes a few seconds on PGlite; on a busy two-core machine it can take several times that.
const SEED_TIMEOUT = 120_000;

async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  const result = await database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

async function one<T>(database: Database, query: SQL): Promise<T> {
  const [row] = await rows<T>(database, query);
  if (!row) throw new Error('query returned no row');
  return row;
}

/** md5 of the synthetic data in a fixed order, ids left out except the deterministic cluster ids. */
const fingerprint = (database: Database) =>
  one<{ companies: string; activities: string; participations: string }>(
    database,
    sql`select
      (select md5(string_agg(concat_ws('|', cvr, is_synthetic), ',' order by cvr)) from companies) as companies,
      (select md5(string_agg(concat_ws('|', cluster_id, activity_ref, title, category, start_date, end_date, municipality_code,
              grant_dkk, external_funding_dkk, private_cofinancing_hours, cofinancing_fees_dkk, cofinancing_sponsorship_dkk,
              cofinancing_foundations_dkk, eu_application), ',' order by cluster_id, activity_ref)) from activities) as activities,
      (select md5(string_agg(concat_ws('|', a.cluster_id, a.activity_ref, p.year, p.participant_type, p.cvr, p.name, p.country,
              p.employees, p.municipality_code, p.industry_code, p.institution_kind,
              p.new_competence, p.new_idea, p.new_product), ',' order by a.cluster_id, a.activity_ref, coalesce(p.cvr, p.name)))
         from participations p join activities a on a.id = p.activity_id) as participations`,
  );

describe(`demo data set on ${testDriver()}`, () => {
  let database: Database;
  let summary: DemoSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await seedDemo(database);
  }, SEED_TIMEOUT);

  afterAll(async () => {
    await database?.close();
  });

  it('reproduces the size of the cluster programme 2021-2023 (seed 004)', () => {
    expect(summary.distinctCompanies).toBeGreaterThanOrEqual(10_500);
    expect(summary.distinctCompanies).toBeLessThanOrEqual(11_500);
    expect(summary.activities).toBeGreaterThanOrEqual(2_900);
    expect(summary.activities).toBeLessThanOrEqual(3_200);
    expect(summary.knowledgeInstitutionParticipations).toBeGreaterThanOrEqual(5_400);
    expect(summary.knowledgeInstitutionParticipations).toBeLessThanOrEqual(6_200);
    expect(summary.clusters).toBe(21);
    // The demo logins and the synthetic participants of the demo matchmaking event.
    expect(summary.users).toBe(DEMO_LOGINS.length + DEMO_MATCHMAKING_PARTICIPANTS);
  });

  it('spends about 365 mio. DKK of grant and raises about 850 mio. DKK external funding', async () => {
    const money = await one<{ grant: string; external: string; years: string }>(
      database,
      sql`select sum(grant_dkk)::text as grant, sum(external_funding_dkk)::text as external,
                 string_agg(distinct year::text, ',' order by year::text) as years from activities`,
    );
    expect(Number(money.grant)).toBeCloseTo(365e6, -7);
    expect(Number(money.external)).toBeCloseTo(850e6, -7);
    expect(money.years).toBe('2021,2022,2023');
  });

  it('gives every CVR holder a valid CVR and industry code, all marked synthetic', async () => {
    const holders = await rows<{ cvr: string; industry_code: string | null; is_synthetic: boolean }>(
      database,
      sql`select distinct c.cvr, p.industry_code, c.is_synthetic from companies c join participations p on p.cvr = c.cvr`,
    );
    expect(holders.filter((h) => !isValidCvr(h.cvr))).toEqual([]);
    expect(holders.filter((h) => h.industry_code !== null && !isValidDb07Code(h.industry_code))).toEqual([]);
    expect(holders.every((h) => h.is_synthetic)).toBe(true);
    const clusterCvrs = await rows<{ cvr: string }>(
      database,
      sql`select cvr from organisations where cvr is not null`,
    );
    expect(clusterCvrs.filter((o) => !isValidCvr(o.cvr))).toEqual([]);
    expect(clusterCvrs.filter((o) => holders.some((h) => h.cvr === o.cvr))).toEqual([]);
  });

  it('has at least two participants and at least one company in every activity', async () => {
    const bad = await one<{ n: number }>(
      database,
      sql`select count(*)::int as n
          from activities a
          left join (select activity_id, count(*) as participants,
                            count(*) filter (where participant_type = 'company') as companies
                     from participations group by activity_id) p on p.activity_id = a.id
          where coalesce(p.participants, 0) < 2 or coalesce(p.companies, 0) = 0`,
    );
    expect(bad.n).toBe(0);
  });

  it('puts about half of the cluster-company pairs outside the cluster strongholds', async () => {
    const share = await one<{ outside: number }>(
      database,
      sql`with pairs as (
            select distinct p.cluster_id, p.cvr, p.industry_code from participations p where p.participant_type = 'company')
          select avg(case when exists (select 1 from unnest(cl.stronghold_industries) s where pairs.industry_code like s || '%')
                     then 0 else 1 end)::float as outside
          from pairs join clusters cl on cl.organisation_id = pairs.cluster_id`,
    );
    expect(share.outside).toBeGreaterThan(0.4);
    expect(share.outside).toBeLessThan(0.6);
  });

  it('gives the label register Gold clusters, labels about to expire and expired ones', async () => {
    const labels = await one<{ gold2023: number; expiring: number; expired: number }>(
      database,
      sql`select
        (select count(distinct organisation_id)::int from cluster_labels
          where level = 'gold' and awarded_on <= '2023-12-31' and valid_until > '2023-12-31') as gold2023,
        (select count(*)::int from cluster_labels
          where valid_until > ${DEMO_REFERENCE_DATE}::date and valid_until <= ${DEMO_REFERENCE_DATE}::date + interval '6 months') as expiring,
        (select count(*)::int from (select organisation_id from cluster_labels group by organisation_id
          having max(valid_until) < ${DEMO_REFERENCE_DATE}::date) expired) as expired`,
    );
    expect(labels.gold2023).toBeGreaterThanOrEqual(5);
    expect(labels.expiring).toBeGreaterThan(0);
    expect(labels.expired).toBeGreaterThan(0);
  });

  it('places every national cluster in the main catalogue and no emerging network there', async () => {
    const { significant, emerging } = await catalogueBySignificance(database.db, {
      today: DEMO_REFERENCE_DATE,
    });
    expect(significant.filter((e) => e.league === 'emerging').map((e) => e.name)).toEqual([]);
    expect(emerging.filter((e) => e.league === 'world_class').map((e) => e.name)).toEqual([]);
    expect(emerging.filter((e) => e.league === 'emerging').length).toBeGreaterThan(0);
  });

  it('has one demo login per role whose password works', async () => {
    for (const login of DEMO_LOGINS) {
      const user = await one<{ password_hash: string; role: string; organisation: string }>(
        database,
        sql`select u.password_hash, m.role, o.name as organisation from users u
            join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
            where u.email = ${login.email}`,
      );
      expect(user).toMatchObject({ role: login.role, organisation: login.organisation });
      expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.password_hash, 'not-the-demo-password')).toBe(false);
    }
    const roles = new Set(DEMO_LOGINS.map((l) => l.role));
    expect(roles.size).toBe(7);
  });

  it('gives the demo assessor the eligible applications of a closed call to declare on and score', async () => {
    const assessor = await one<{ id: string; email: string; organisation_id: string }>(
      database,
      sql`select u.id, u.email, m.organisation_id from users u join memberships m on m.user_id = u.id
          where u.email = 'assessor@demo.klyngeportalen.dk'`,
    );
    const caller = callerWith(assessor, [{ organisationId: assessor.organisation_id, role: 'assessor' }]);
    const now = new Date(`${DEMO_REFERENCE_DATE}T12:00:00Z`);
    const waiting = (await assessmentsOf(database.db, caller, now)).filter((r) => r.callStatus === 'closed');
    expect(waiting.map((r) => r.organisationName).sort()).toEqual([
      'Danish Water Cluster',
      'Food & Bio Cluster Denmark',
      'Lifestyle & Design Cluster',
    ]);
    expect(new Set(waiting.map((r) => r.callTitle))).toEqual(
      new Set(['Pulje til kompetenceløft i klyngernes medlemsvirksomheder 2027']),
    );
    for (const row of waiting) expect(row).toMatchObject({ conflict: null, scored: 0, criteria: 3 });
    const attention = await attentionOf(database.db, caller, now);
    expect(attention.filter((a) => a.kind === 'applicationsToAssess')).toEqual([
      { kind: 'applicationsToAssess', count: 3 },
    ]);
  });

  it('records every seeded row in the audit log as written by the seed', async () => {
    const audit = await one<{ n: number }>(
      database,
      sql`select count(*)::int as n from audit_log where entity = 'companies' and actor_label = 'system:seed'`,
    );
    expect(audit.n).toBe(summary.companies);
  });

  it('walks reporting periods through plausible steps: 2021-2022 mostly locked, 2023 mixed', async () => {
    const byYear = await rows<{ year: number; status: string; n: number }>(
      database,
      sql`select year::int as year, status::text as status, count(*)::int as n from reporting_periods
          group by year, status order by year, status`,
    );
    const count = (year: number, status: string) =>
      byYear.find((r) => r.year === year && r.status === status)?.n ?? 0;
    const total = (year: number) => byYear.filter((r) => r.year === year).reduce((s, r) => s + r.n, 0);
    expect(count(2021, 'locked')).toBe(total(2021));
    expect(count(2022, 'locked')).toBeGreaterThan(total(2022) / 2);
    for (const status of ['submitted', 'approved', 'returned', 'locked'])
      expect(count(2023, status)).toBeGreaterThan(0);
    // Every funded year has its period (no gaps); 2024, funded but without demo activities, is open.
    const gaps = await one<{ n: number }>(
      database,
      sql`select count(*)::int as n from (select distinct cluster_id, year from funding_grants) g
          where not exists (select 1 from reporting_periods p where p.cluster_id = g.cluster_id and p.year = g.year)`,
    );
    expect(gaps.n).toBe(0);
    expect(count(2024, 'open')).toBe(total(2024));
    expect(total(2024)).toBeGreaterThan(0);
    // Submissions carry their day: February is before the 1 March deadline, a resubmission late.
    const stamped = await one<{ missing: number; late: number }>(
      database,
      sql`select count(*) filter (where submitted_at is null)::int as missing,
                 count(*) filter (where submitted_at >= make_date(year + 1, 3, 2))::int as late
          from reporting_periods where status in ('submitted', 'approved', 'locked')`,
    );
    expect(stamped.missing).toBe(0);
    expect(stamped.late).toBeGreaterThan(0);
    // The demo cluster login's 2023 was returned by the demo funder login, with a comment.
    const odense = await one<{ status: string; comment: string | null; actors: string }>(
      database,
      sql`select p.status::text as status, p.comment,
                 (select string_agg(a.actor_label, ' ' order by a.id) from audit_log a
                  where a.entity = 'reporting_periods' and a.entity_id = p.cluster_id || '/' || p.year) as actors
          from reporting_periods p join organisations o on o.id = p.cluster_id
          where o.slug = 'odense-robotics' and p.year = 2023`,
    );
    expect(odense.status).toBe('returned');
    expect(odense.comment).toBeTruthy();
    expect(odense.actors).toBe('klynge@demo.klyngeportalen.dk funder@demo.klyngeportalen.dk');
  });

  it('has courses to come and a module programme whose certificate the demo cluster login can download', async () => {
    const kasper = await one<{ userId: string; organisationId: string; registrationId: string }>(
      database,
      sql`select u.id as "userId", r.organisation_id as "organisationId", r.id as "registrationId"
          from users u join course_registrations r on r.user_id = u.id
          join support_courses c on c.id = r.course_id
          where u.email = 'klynge@demo.klyngeportalen.dk' order by c.starts_at limit 1`,
    );
    const caller = {
      principal: {
        userId: kasper.userId,
        memberships: [{ organisationId: kasper.organisationId, role: 'cluster_staff' as const }],
      },
      actor: { userId: kasper.userId, label: 'test' },
    };
    const status = await certificateStatus(database.db, caller, kasper.registrationId, new Date());
    expect(status.ready && status.facts.modules.length).toBe(4);
    const upcoming = await one<{ courses: number; company: number }>(
      database,
      sql`select (select count(*)::int from support_courses where starts_at > now()) as courses,
            (select count(*)::int from course_registrations r join users u on u.id = r.user_id
             join support_courses c on c.id = r.course_id
             where u.email = 'virksomhed@demo.klyngeportalen.dk' and c.starts_at > now()) as company`,
    );
    // Next year's four modules and two single courses; the company login is registered for one.
    expect(upcoming).toEqual({ courses: 6, company: 1 });
  });

  it('refuses to seed a database that already holds data, and changes nothing', async () => {
    await expect(seedDemo(database)).rejects.toThrow(/already holds data/);
    const after = await one<{ n: number }>(database, sql`select count(*)::int as n from activities`);
    expect(after.n).toBe(summary.activities);
  });

  it(
    'writes exactly the same data into another database',
    async () => {
      const other = await createTestDatabase();
      try {
        const otherSummary = await seedDemo(other);
        expect(otherSummary).toEqual(summary);
        expect(await fingerprint(other)).toEqual(await fingerprint(database));
      } finally {
        await other.close();
      }
    },
    SEED_TIMEOUT,
  );
});
