import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { performanceAccount } from '../../src/domain/performance/account.ts';
import { approveReportedYears, deliver, textFile } from '../reporting/delivery-helpers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';

// company_year_facts is kept by triggers; after any sequence of writes it must equal the facts
// defined afresh from participations, here written as plain GROUP BYs with bool_or per fact and a
// window for the attributes of each company's latest participation, on both bases (preliminary:
// every participation; official: those of approved or locked periods).
const gen = generateDelivery(47, { clusters: 4, companies: 25, activities: 60 });
const files = () => [
  textFile('clusters.csv', gen.clustersCsv),
  textFile('activities.csv', gen.activitiesCsv),
  textFile('participants.csv', gen.participantsCsv),
];
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const outcome = await deliver(database, files());
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
}, 120_000);
afterAll(() => database?.close());

interface FactRow {
  year: number;
  official: boolean;
  cvr: string;
  flags: number;
  words: string;
  employees: number | null;
  municipality_code: number | null;
  industry_code: string | null;
}

const kept = () =>
  queryRows<FactRow>(
    database.db,
    sql`select year, official, cvr, flags, word_ids::text || word_bits::text as words, employees,
               municipality_code, industry_code
        from company_year_facts order by 1, 2, 3`,
  );

const defined = () =>
  queryRows<FactRow>(
    database.db,
    sql`with parts as (
          select p.year, p.cvr, c.account_bit, p.new_competence, p.new_idea, p.new_product, p.employees,
                 p.municipality_code, p.industry_code, p.reported_at, a.start_date, a.activity_ref, o.cvr as cluster_cvr,
                 a.category = 'internationalisation' as international,
                 a.category = 'innovation_collaboration' and a.id in (
                   select activity_id from participations where participant_type = 'knowledge_institution') as collaboration,
                 coalesce(rp.status in ('approved', 'locked'), false) as approved
          from participations p join clusters c on c.organisation_id = p.cluster_id
          join organisations o on o.id = p.cluster_id
          join activities a on a.id = p.activity_id
          left join reporting_periods rp on rp.cluster_id = p.cluster_id and rp.year = p.year
          where p.participant_type = 'company'
        ),
        based as (
          select false as official, * from parts union all select true as official, * from parts where approved
        ),
        words as (
          select official, year, cvr, account_bit / 64 as word, bit_or(1::bigint << (account_bit % 64)) as bits,
                 (bool_or(new_competence)::int + 2 * bool_or(new_idea)::int + 4 * bool_or(new_product)::int
                  + 8 * bool_or(international)::int + 16 * bool_or(collaboration)::int) as flags
          from based group by 1, 2, 3, 4
        ),
        described as (
          select distinct official, year, cvr, first_value(employees) over latest as employees,
                 first_value(municipality_code) over latest as municipality_code,
                 first_value(industry_code) over latest as industry_code
          from based
          window latest as (partition by official, year, cvr
                            order by start_date desc, reported_at desc, activity_ref collate "C", cluster_cvr)
        )
        select w.year, w.official, w.cvr, bit_or(w.flags) as flags,
               array_agg(w.word order by w.word)::text || array_agg(w.bits order by w.word)::text as words,
               d.employees, d.municipality_code, d.industry_code
        from words w join described d using (official, year, cvr)
        group by w.year, w.official, w.cvr, d.employees, d.municipality_code, d.industry_code
        order by 1, 2, 3`,
  );

const CATEGORIES = [
  'internationalisation',
  'innovation_collaboration',
  'networking',
  'knowledge_dissemination',
];

/** One write as the application or a delivery makes it, picked by `pick` (0..1) among the rows. */
type Write = { kind: string; pick: number; value: number };

async function apply(write: Write): Promise<void> {
  await withActor(database.db, systemActor('test'), async (tx) => {
    const one = async (from: string) => {
      const rows = await queryRows<{ id: number }>(tx, sql.raw(`select id from ${from} order by id`));
      return rows[Math.floor(write.pick * rows.length)]?.id;
    };
    const period = async () => {
      const [row] = await queryRows<{ cluster_id: string; year: number }>(
        tx,
        sql`select cluster_id, year from activities where id = ${await one('activities')}`,
      );
      return row;
    };
    switch (write.kind) {
      case 'category': {
        const id = await one('activities');
        const category = CATEGORIES[write.value % CATEGORIES.length] as string;
        await tx.execute(
          sql`update activities set category = ${category}::activity_category where id = ${id}`,
        );
        break;
      }
      case 'move year': {
        // As updateActivity does: the activity, then its participations' copy of the year.
        const id = await one('activities');
        const year = 2021 + (write.value % 3);
        await tx.execute(sql`update activities set start_date = make_date(${year}, 3, 1), end_date = null
                             where id = ${id}`);
        await tx.execute(sql`update participations set year = ${year} where activity_id = ${id}`);
        break;
      }
      case 'start date': {
        // Within its year: which participation is a company's latest changes, not the year.
        const id = await one('activities');
        await tx.execute(sql`update activities set start_date = make_date(year, 1 + ${write.value} % 12, 1 + ${write.value} % 28),
                               end_date = null where id = ${id}`);
        break;
      }
      case 'reference':
        await tx.execute(
          sql`update activities set activity_ref = ${`R-${write.value}-`} || id where id = ${await one('activities')}`,
        );
        break;
      case 'describe':
        // The participation reports its company otherwise: size, address, industry.
        await tx.execute(sql`update participations set employees = ${write.value % 120},
                               municipality_code = ${[null, 101, 461, 751][write.value % 4] ?? null}::smallint,
                               industry_code = ${write.value % 5 === 0 ? null : `62010${write.value % 10}`},
                               reported_at = now()
                             where id = ${await one("participations where participant_type = 'company'")}`);
        break;
      case 'approve': {
        const p = await period();
        await tx.execute(sql`insert into reporting_periods (cluster_id, year, status)
                             values (${p?.cluster_id}, ${p?.year}, ${write.value % 2 === 0 ? 'approved' : 'locked'})
                             on conflict (cluster_id, year) do update set status = excluded.status`);
        break;
      }
      case 'reopen': {
        const p = await period();
        await tx.execute(sql`update reporting_periods set status = ${write.value % 2 === 0 ? 'open' : 'submitted'}
                             where cluster_id = ${p?.cluster_id} and year = ${p?.year}`);
        break;
      }
      case 'delete activity':
        await tx.execute(sql`delete from activities where id = ${await one('activities')}`);
        break;
      case 'delete participant':
        await tx.execute(sql`delete from participations where id = ${await one('participations')}`);
        break;
      case 'delete institution':
        await tx.execute(
          sql`delete from participations where id = ${await one("participations where participant_type = 'knowledge_institution'")}`,
        );
        break;
      case 'flags':
        await tx.execute(sql`update participations set new_competence = ${write.value % 2 === 0},
                               new_idea = ${write.value % 3 === 0}, new_product = ${write.value % 5 === 0}
                             where id = ${await one('participations')}`);
        break;
      case 'add participant': {
        // A company, or a knowledge institution (which turns on the collaboration bit).
        const id = await one('activities');
        const [org] = await queryRows<{ cvr: string; type: string }>(
          tx,
          sql`select cvr, case when cvr in (select cvr from participations where participant_type = 'knowledge_institution')
                               then 'knowledge_institution' else 'company' end as type
              from companies order by cvr offset ${write.value} % (select count(*) from companies) limit 1`,
        );
        await tx.execute(sql`insert into participations (activity_id, cluster_id, year, participant_type, cvr, name,
                                                          employees, new_product)
                             select id, cluster_id, year, ${org?.type}::participant_type, ${org?.cvr}, 'Tilføjet',
                                    ${write.value % 90}, ${write.value % 2 === 0}
                             from activities where id = ${id}
                             on conflict do nothing`);
        break;
      }
    }
  });
}

describe(`company_year_facts kept by triggers (${testDriver()})`, () => {
  it('is the facts of the participations as loaded, and the national account equals the spec', async () => {
    expect(await kept()).toEqual(await defined());
    expect((await kept()).length).toBeGreaterThan(20);
    for (const year of [2022, 2023]) {
      expect(await performanceAccount(database.db, year, { kind: 'national' }, 'preliminary')).toEqual(
        gen.expected(year, undefined, 'preliminary'),
      );
      // Nothing approved yet: the official account is empty.
      expect(await performanceAccount(database.db, year)).toEqual(gen.expected(year, []));
    }
    await approveReportedYears(database, gen.clusterCvrs.slice(0, 2));
    expect(await kept()).toEqual(await defined());
    for (const year of [2022, 2023])
      expect(await performanceAccount(database.db, year)).toEqual(
        gen.expected(year, gen.clusterCvrs.slice(0, 2)),
      );
  });

  it('stays equal to the facts defined afresh after any sequence of writes', async () => {
    const write = fc.record({
      kind: fc.constantFrom(
        'category',
        'move year',
        'delete activity',
        'delete participant',
        'delete institution',
        'flags',
        'add participant',
        'start date',
        'reference',
        'describe',
        'approve',
        'reopen',
      ),
      pick: fc.double({ min: 0, max: 0.999, noNaN: true }),
      value: fc.nat(1000),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        for (const w of writes) await apply(w);
        expect(await kept()).toEqual(await defined());
      }),
      { numRuns: 25, seed: 20261127 },
    );
    // With every year open again, a delivery of the original files puts the data back, and the facts with it.
    await withActor(database.db, systemActor('test'), (tx) => tx.execute(sql`delete from reporting_periods`));
    const outcome = await deliver(database, files());
    expect(outcome.ok).toBe(true);
    expect(await kept()).toEqual(await defined());
  }, 120_000);

  it.runIf(testDriver() === 'postgres')(
    'is exact when two transactions add the same company in the same year at the same time',
    async () => {
      const cvr = '39999999';
      await withActor(database.db, systemActor('test'), (tx) =>
        tx.execute(sql`insert into companies (cvr) values (${cvr})`),
      );
      const [target] = await queryRows<{ a: number; b: number }>(
        database.db,
        sql`select min(id)::int as a, max(id)::int as b from activities where year = 2023`,
      );
      if (!target || target.a === target.b) throw new Error('needs two activities in 2023');
      const add = (activityId: number, product: boolean) => sql`
        insert into participations (activity_id, cluster_id, year, participant_type, cvr, name, employees, new_product)
        select id, cluster_id, year, 'company', ${cvr}, 'Samtidig ApS', 12, ${product} from activities where id = ${activityId}`;
      let firstWrote!: () => void;
      const wrote = new Promise<void>((resolve) => {
        firstWrote = resolve;
      });
      // The first holds its transaction open after its write; the second writes meanwhile.
      const first = withActor(database.db, systemActor('test'), async (tx) => {
        await tx.execute(add(target.a, true));
        firstWrote();
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const second = wrote.then(() =>
        withActor(database.db, systemActor('test'), (tx) => tx.execute(add(target.b, false))),
      );
      await Promise.all([first, second]);
      const facts = (await kept()).filter((r) => r.cvr === cvr);
      expect(facts.length).toBeGreaterThan(0);
      expect(facts.some((r) => (r.flags & 4) !== 0)).toBe(true);
      expect(await kept()).toEqual(await defined());
    },
  );
});
