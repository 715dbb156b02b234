/**
 * Performance-account speed at national scale: ~10,000,000 participation rows (50 clusters,
 * 10 years, 200,000 companies) generated straight in PostgreSQL with generate_series, then
 * `performanceAccount` for one year in every scope: national (official and preliminary), the
 * world-class league, a funder (its grants of the year), a region and the busiest cluster (median
 * of 5 runs after a warm-up), each timed next to a hand-written single query computing the same
 * distinct counts in the same run. Both must give equal numbers. Every participation describes its
 * company (reporting format 1.1), one in eight otherwise than the rest; every year is approved
 * but the measured year of a tenth of the clusters, so the official account counts fewer.
 *
 *   DATABASE_URL=postgres://… npm run bench:performance [-- 10000000]
 *
 * The data lives in a fresh database on that server, dropped afterwards (KEEP=1 keeps it;
 * BENCH_DB=<name> times again on a kept database without generating; SCOPES=national,cluster
 * times only those scope kinds).
 */
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, migrateDatabase, openDatabase, queryRows } from '../src/db/client.ts';
import {
  type AccountBasis,
  type AccountScope,
  COUNT_KEYS,
  performanceAccount,
} from '../src/domain/performance/account.ts';
import { databaseUrlFor, quoteIdentifier, withServer } from '../test/support/postgres-server.ts';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench:performance needs DATABASE_URL (a PostgreSQL server; the role needs CREATEDB)');
  process.exit(2);
}
const TARGET_ROWS = Number(process.argv[2] ?? 10_000_000);
const CLUSTERS = 50;
const COMPANIES = 200_000;
const YEARS = [2016, 2025] as const;
const PER_ACTIVITY = 20; // on average: 10 to 30 participants
const ACTIVITIES = Math.round(TARGET_ROWS / PER_ACTIVITY);
const YEAR = 2023;
const RUNS = 5;
const LIMIT_MS = 1000;
const LIMIT_RATIO = 2;
/** SCOPES=national,cluster times only those scope kinds (all by default). */
const ONLY = process.env.SCOPES?.split(',').map((k) => k.trim());

type Counts = Record<(typeof COUNT_KEYS)[number], number>;

/** The tables the generator fills, with their triggers off meanwhile. */
const TABLES = [
  'organisations',
  'clusters',
  'cluster_labels',
  'companies',
  'activities',
  'participations',
  'reporting_periods',
  'funding_grants',
];
/** In the measured year a tenth of the clusters have not had their year approved. */
const UNAPPROVED = (cvr: string) => `${cvr}::int % 10 = 3`;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Generates the data set. Secondary indexes and foreign keys of the big tables are dropped during
 * the load and recreated from their own definitions afterwards (faster than maintaining them row by
 * row); user triggers (audit, search) are off, as this database is thrown away.
 */
async function generate(client: pg.Client): Promise<void> {
  const run = async (label: string, text: string) => {
    const started = performance.now();
    const r = await client.query(text);
    console.log(`  ${label}: ${r.rowCount ?? ''} in ${seconds(started)} s`);
  };
  for (const t of TABLES) await client.query(`alter table ${t} disable trigger user`);
  const { rows: saved } = await client.query<{ ddl: string; drop: string }>(`
    select pg_get_indexdef(i.indexrelid) || ';' as ddl, format('drop index %I', c.relname) as drop
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid in ('participations'::regclass, 'activities'::regclass) and not i.indisprimary
    union all
    select format('alter table %I add constraint %I %s', r.conrelid::regclass, r.conname, pg_get_constraintdef(r.oid)),
           format('alter table %I drop constraint %I', r.conrelid::regclass, r.conname)
    from pg_constraint r where r.conrelid = 'participations'::regclass and r.contype = 'f'`);
  for (const s of saved) await client.query(s.drop);

  await run(
    'clusters',
    `with o as (
       insert into organisations (kind, name, slug, cvr, municipality_code)
       select 'cluster_organisation', 'Benchklynge ' || i, 'benchklynge-' || i, (30000000 + i)::text,
              (select code from municipalities order by code offset (i * 7) % 98 limit 1)
       from generate_series(1, ${CLUSTERS}) i returning id, cvr)
     insert into clusters (organisation_id, league, stronghold_industries)
     select id, (array['world_class','regional','emerging'])[1 + (cvr::int % 3)]::cluster_league,
            case when cvr::int % 10 = 0 then '{}'::text[]
                 else array[(array['28','62','10','71','35','21'])[1 + cvr::int % 6],
                            (array['2620','4690','7219','3312'])[1 + cvr::int % 4]] end
     from o`,
  );
  await run(
    'labels',
    `insert into cluster_labels (organisation_id, level, awarded_on, valid_until, assessing_body)
     select o.id, (array['gold','silver','bronze'])[1 + (o.cvr::int % 3)]::label_level, date '2021-06-01',
            date '2025-06-01', 'ESCA'
     from organisations o where o.kind = 'cluster_organisation' and o.cvr::int % 4 <> 0`,
  );
  // One funder granting a third of the clusters in the measured year (the funder scope).
  await run(
    'funder and grants',
    `with f as (insert into organisations (kind, name, slug, funder_level)
                values ('funder', 'Benchfonden', 'benchfonden', 'national') returning id)
     insert into funding_grants (funder_id, cluster_id, year, amount_dkk)
     select f.id, o.id, ${YEAR}, 1000000 from f, organisations o
     where o.kind = 'cluster_organisation' and o.cvr::int % 3 = 1`,
  );
  // Companies: sizes skewed small (about 70 % under 50 employees), a few without data. What the
  // participations say of them: kept in a temporary table, from which each participation copies.
  await client.query(`create temporary table firm as
     select (40000000 + i)::text as cvr, 'Benchfirma ' || i || ' ApS' as name,
            case when random() < 0.08 then null else floor(exp(random() * random() * 8))::int end as employees,
            case when random() < 0.05 then null else m.codes[1 + floor(random() * 98)::int] end as municipality_code,
            case when random() < 0.15 then null
                 else (array['282900','620100','101100','711200','351100','262000','469000','721900','331200','212000'])
                      [1 + floor(random() * 10)::int] end as industry_code
     from generate_series(1, ${COMPANIES + 300}) i, (select array_agg(code order by code) codes from municipalities) m`);
  await client.query('alter table firm add primary key (cvr)');
  await run('companies', `insert into companies (cvr, is_synthetic) select cvr, true from firm`);
  // Activities: clusters of very different sizes, categories as in real reporting.
  await run(
    'activities',
    `insert into activities (cluster_id, activity_ref, title, category, start_date, municipality_code,
                             grant_dkk, external_funding_dkk, private_cofinancing_hours, is_synthetic)
     select c.ids[1 + floor(${CLUSTERS} * power(random(), 1.6))::int], 'B' || i, 'Aktivitet ' || i,
            (case when r < 0.25 then 'innovation_collaboration' when r < 0.40 then 'internationalisation'
                  when r < 0.65 then 'knowledge_dissemination' when r < 0.85 then 'networking'
                  when r < 0.90 then 'access_to_finance' when r < 0.95 then 'entrepreneurs'
                  else 'organisation_development' end)::activity_category,
            make_date(${YEARS[0]} + (i % ${YEARS[1] - YEARS[0] + 1}), 1, 1) + floor(random() * 365)::int,
            null, floor(random() * 200000)::bigint,
            case when random() < 0.2 then floor(random() * 500000)::bigint end,
            case when random() < 0.5 then round((random() * 300)::numeric, 1) end, true
     from (select i, random() r from generate_series(1, ${ACTIVITIES}) i) g,
          (select array_agg(organisation_id order by organisation_id) ids from clusters) c`,
  );
  // Per activity: a size, a random starting company (steps of a prime modulo the company count
  // keep an activity's companies distinct), and whether a knowledge institution takes part.
  await client.query(`create temporary table plan as
     select id, cluster_id, year, category, 10 + floor(random() * 21)::int as n,
            floor(random() * ${COMPANIES})::int as base,
            random() < case when category = 'innovation_collaboration' then 0.7 else 0.3 end as with_ki
     from activities`);
  // Participants: 1 knowledge institution (of 40) when planned, 1 public body in a tenth of the
  // activities, 2 % foreign, the rest companies; flags: ~45 % new competence, ~30 % new idea,
  // ~10 % new product (mostly together with a new idea). One company participation in eight
  // describes the company otherwise (another size and address), as another cluster might.
  await run(
    'participations',
    `insert into participations (activity_id, cluster_id, year, participant_type, cvr, name, country, employees,
                                 municipality_code, industry_code, new_competence, new_idea, new_product)
     select x.id, x.cluster_id, x.year, x.type::participant_type, x.cvr, coalesce(f.name, x.foreign_name), x.country,
            case when x.other then floor(random() * 300)::int else f.employees end,
            case when x.other then 101 else f.municipality_code end, f.industry_code,
            x.competence, x.idea, x.product
     from (
       select p.id, p.cluster_id, p.year, t.type,
              case t.type when 'knowledge_institution' then (40000000 + ${COMPANIES} + 1 + (p.base % 40))::text
                          when 'public' then (40000000 + ${COMPANIES} + 101 + (p.base % 150))::text
                          when 'foreign' then null
                          else (40000000 + 1 + (p.base + k * 104729) % ${COMPANIES})::text end as cvr,
              case when t.type = 'foreign' then 'Foreign firm ' || p.id || '-' || k end as foreign_name,
              case when t.type = 'foreign' then 'SE' end as country,
              t.type = 'company' and random() < 0.125 as other,
              t.type = 'company' and random() < 0.45 as competence, t.type = 'company' and t.idea as idea,
              t.type = 'company' and (case when t.idea then random() < 0.28 else random() < 0.02 end) as product
       from plan p cross join lateral generate_series(1, p.n) k
       cross join lateral (select case when k = 1 and p.with_ki then 'knowledge_institution'
                                       when k = 2 and p.base % 10 = 0 then 'public'
                                       when random() < 0.02 then 'foreign' else 'company' end as type,
                                  random() < 0.3 as idea) t
     ) x left join firm f on f.cvr = x.cvr`,
  );
  await run(
    'reporting periods',
    `insert into reporting_periods (cluster_id, year, status)
     select c.organisation_id, y, 'approved' from clusters c join organisations o on o.id = c.organisation_id
     cross join generate_series(${YEARS[0]}, ${YEARS[1]}) y
     where y <> ${YEAR} or not (${UNAPPROVED('o.cvr')})`,
  );
  const started = performance.now();
  for (const s of saved) await client.query(s.ddl);
  console.log(`  indexes and foreign keys recreated in ${seconds(started)} s`);
  for (const t of TABLES) await client.query(`alter table ${t} enable trigger user`);
  // What the triggers keep on every write, built once for the whole load (as migration 0025 does).
  await run(
    'company_year_facts',
    `select klynge_refresh_company_year_facts(array_agg(year), array_agg(cvr))
     from (select distinct year, cvr from participations where participant_type = 'company') k`,
  );
  const analysed = performance.now();
  await client.query('vacuum analyze');
  console.log(`  vacuum analyze in ${seconds(analysed)} s`);
}

/**
 * The same distinct counts in one hand-written query: one pass, companies folded per CVR first, a
 * company small by its latest participation (the first of an ordered array).
 */
function handWritten(year: number, clusterCondition: SQL, basis: AccountBasis, regionCode: number | null) {
  const clusters = sql`select o.id, o.cvr from organisations o where o.kind = 'cluster_organisation'
    and ${clusterCondition}
    ${basis === 'official' ? sql`and o.id in (select cluster_id from reporting_periods where year = ${year} and status in ('approved', 'locked'))` : sql``}`;
  // A region counts the companies whose latest participation has an address in it, and the
  // activities at least one of them took part in.
  const firms =
    regionCode === null
      ? sql`select * from per_firm`
      : sql`select * from per_firm where region = ${regionCode}`;
  const counted =
    regionCode === null
      ? sql`select * from acts`
      : sql`select * from acts where id in (select activity_id from parts where participant_type = 'company'
              and cvr in (select cvr from firms))`;
  return sql`
    with cl as (${clusters}),
    acts as (select id, category, start_date, activity_ref from activities where year = ${year}
             and cluster_id in (select id from cl)),
    parts as (select p.activity_id, p.participant_type, p.cvr, p.new_competence, p.new_idea, p.new_product,
                     p.employees, p.municipality_code, p.reported_at, cl.cvr as cluster_cvr
              from participations p join cl on cl.id = p.cluster_id where p.year = ${year}),
    ki_all as (select activity_id, count(*) as n from parts where participant_type = 'knowledge_institution' group by 1),
    per_firm as (
      select p.cvr,
             (array_agg(p.employees order by a.start_date desc, p.reported_at desc, a.activity_ref collate "C",
                        p.cluster_cvr))[1] < 50 as small,
             (array_agg(m.region_code order by a.start_date desc, p.reported_at desc, a.activity_ref collate "C",
                        p.cluster_cvr))[1] as region,
             bool_or(p.new_competence) as comp, bool_or(p.new_idea) as idea,
             bool_or(p.new_product) as prod, bool_or(a.category = 'internationalisation') as intl,
             bool_or(a.category = 'innovation_collaboration' and ki_all.activity_id is not null) as collab
      from parts p join acts a on a.id = p.activity_id
      left join ki_all on ki_all.activity_id = p.activity_id
      left join municipalities m on m.code = p.municipality_code
      where p.participant_type = 'company' group by p.cvr),
    firms as (${firms}),
    counted_acts as (${counted}),
    ki as (select * from ki_all where activity_id in (select id from counted_acts))
    select (select count(*)::int from counted_acts) as activities,
           count(*)::int as participating_companies,
           (count(*) filter (where small))::int as small_participating_companies,
           (count(*) filter (where comp))::int as new_competence_companies,
           (count(*) filter (where idea))::int as new_idea_companies,
           (count(*) filter (where prod))::int as innovating_companies,
           (count(*) filter (where prod and small))::int as small_innovating_companies,
           (count(*) filter (where collab))::int as collaborating_companies,
           (count(*) filter (where intl))::int as international_companies,
           (select coalesce(sum(n), 0)::int from ki) as knowledge_institution_participations,
           (select count(*)::int from ki) as activities_with_knowledge_institution
    from firms`;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function compare(
  database: Database,
  label: string,
  scope: AccountScope,
  clusterCondition: SQL,
  basis: AccountBasis,
) {
  const account = await performanceAccount(database.db, YEAR, scope, basis);
  // The hand-written query runs with the account's planner setting (JIT off), so both are alike.
  const hand = () =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      const region = scope.kind === 'region' ? scope.regionCode : null;
      return (await queryRows<Counts>(tx, handWritten(YEAR, clusterCondition, basis, region)))[0];
    });
  const handCounts = await hand();
  const differing = COUNT_KEYS.filter((k) => account[k] !== handCounts?.[k]);
  const accountMs = await median(RUNS, () => performanceAccount(database.db, YEAR, scope, basis));
  const handMs = await median(RUNS, hand);
  const ratio = accountMs / handMs;
  const verdict =
    accountMs <= LIMIT_MS && ratio <= LIMIT_RATIO
      ? 'ok'
      : `NOT ok (limits: ${LIMIT_MS} ms and ${LIMIT_RATIO}x the hand-written query)`;
  console.log(
    `${label.padEnd(28)} account ${accountMs.toFixed(0).padStart(6)} ms   hand-written ${handMs.toFixed(0).padStart(6)} ms   ` +
      `ratio ${ratio.toFixed(2)}x   ${verdict}`,
  );
  console.log(
    `${''.padEnd(28)} numbers ${differing.length === 0 ? 'equal' : `DIFFER in ${differing.join(', ')}`}: ` +
      COUNT_KEYS.map((k) => `${k}=${account[k]}`).join(' '),
  );
  if (differing.length > 0)
    console.log(
      `${''.padEnd(28)} hand-written: ${COUNT_KEYS.map((k) => `${k}=${handCounts?.[k]}`).join(' ')}`,
    );
  return { accountMs, handMs, equal: differing.length === 0 };
}

const FACT_TRIGGERS = [
  'participations_facts_insert',
  'participations_facts_update',
  'participations_facts_delete',
];

/**
 * What keeping company_year_facts costs a write: the same change timed with the fact triggers on
 * and off (audit triggers stay on in both), each in a transaction that is rolled back.
 */
async function writeCost(client: pg.Client, label: string, change: string): Promise<void> {
  const timed = (withFacts: boolean) =>
    median(RUNS, async () => {
      await client.query('begin');
      try {
        await client.query(`select set_config('klynge.actor', 'bench', true)`);
        if (!withFacts)
          for (const t of FACT_TRIGGERS)
            await client.query(`alter table participations disable trigger ${t}`);
        await client.query(change);
      } finally {
        await client.query('rollback');
      }
    });
  const on = await timed(true);
  const off = await timed(false);
  console.log(
    `${label.padEnd(28)} with facts ${on.toFixed(0).padStart(6)} ms   without ${off.toFixed(0).padStart(6)} ms   ` +
      `ratio ${(on / off).toFixed(2)}x`,
  );
}

const reused = process.env.BENCH_DB;
const name = reused ?? `klynge_bench_perf_${process.pid}`;
const url = databaseUrlFor(serverUrl, name);
if (!reused)
  await withServer(serverUrl, async (c) => {
    await c.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
    await c.query(`create database ${quoteIdentifier(name)}`);
  });
let failed = false;
try {
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const started = performance.now();
    if (!reused) {
      console.log(
        `Generating ~${TARGET_ROWS.toLocaleString('en')} participations: ${CLUSTERS} clusters, ` +
          `${COMPANIES.toLocaleString('en')} companies, ${ACTIVITIES.toLocaleString('en')} activities, ${YEARS.join('-')}`,
      );
      await generate(client);
    }
    const { rows } = await client.query<{ n: string; y: string; v: string }>(
      `select (select count(*) from participations) n, (select count(*) from participations where year = ${YEAR}) y,
              current_setting('server_version') v`,
    );
    const [biggest] = (
      await client.query<{ cvr: string; n: string }>(
        `select o.cvr, count(*) n from participations p join organisations o on o.id = p.cluster_id
         where p.year = ${YEAR} and not (${UNAPPROVED('o.cvr')}) group by o.cvr order by n desc limit 1`,
      )
    ).rows;
    console.log(
      `Generated in ${seconds(started)} s: ${Number(rows[0]?.n).toLocaleString('en')} participations ` +
        `(${Number(rows[0]?.y).toLocaleString('en')} in ${YEAR}); PostgreSQL ${rows[0]?.v}\n`,
    );
    const cvr = biggest?.cvr as string;
    const [funder] = (
      await client.query<{ id: string }>(`select id from organisations where slug = 'benchfonden'`)
    ).rows;
    await client.end();
    const funderId = funder?.id as string;
    const every = sql`true`;
    const scopes: [string, AccountScope, SQL, AccountBasis][] = [
      [`national ${YEAR} official`, { kind: 'national' }, every, 'official'],
      [`national ${YEAR} preliminary`, { kind: 'national' }, every, 'preliminary'],
      [
        `league world_class ${YEAR} official`,
        { kind: 'league', league: 'world_class' },
        sql`o.id in (select organisation_id from clusters where league = 'world_class')`,
        'official',
      ],
      [
        `funder ${YEAR} official`,
        { kind: 'funder', funderId },
        sql`o.id in (select cluster_id from funding_grants where funder_id = ${funderId} and year = ${YEAR})`,
        'official',
      ],
      [
        `cluster ${cvr} ${YEAR} official (${Number(biggest?.n).toLocaleString('en')} rows)`,
        { kind: 'cluster', cvr },
        sql`o.cvr = ${cvr}`,
        'official',
      ],
      [`region 1084 ${YEAR} official`, { kind: 'region', regionCode: 1084 }, every, 'official'],
    ];
    const results = [];
    for (const [label, scope, condition, basis] of scopes)
      if (!ONLY || ONLY.includes(scope.kind))
        results.push(await compare(database, label, scope, condition, basis));
    failed = results.some((r) => !r.equal);
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      const ofCluster = `cluster_id = (select id from organisations where cvr = '${cvr}') and year = ${YEAR}`;
      await writeCost(
        writer,
        'form: 1 activity, 20 firms',
        `with a as (insert into activities (cluster_id, activity_ref, title, category, start_date)
                    select id, 'bench-write', 'Bench write', 'innovation_collaboration', '${YEAR}-05-01'
                    from organisations where cvr = '${cvr}' returning id, cluster_id, year)
         insert into participations (activity_id, cluster_id, year, participant_type, cvr, name, employees, new_idea)
         select a.id, a.cluster_id, a.year, 'company', (40000001 + k * 7919)::text, 'Bench ApS', k, k % 3 = 0
         from a cross join generate_series(1, 20) k`,
      );
      await writeCost(
        writer,
        'redelivery: busiest cluster',
        `update participations set new_idea = not new_idea where ${ofCluster} and participant_type = 'company'`,
      );
    } finally {
      await writer.end();
    }
  } finally {
    await database.close();
  }
} finally {
  if (process.env.KEEP || reused) console.log(`kept database ${name}`);
  else
    await withServer(serverUrl, (c) =>
      c.query(`drop database if exists ${quoteIdentifier(name)} with (force)`),
    );
}
process.exitCode = failed ? 1 : 0;
