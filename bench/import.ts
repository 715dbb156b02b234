/**
 * Import throughput and memory: a generated delivery of N participant rows loaded through
 * `submitDelivery` (parse, validate, stage with COPY, check, merge), next to a raw COPY of the
 * same participants file into a bare table in the same run, on PostgreSQL. Peak memory of the
 * import process is measured at 100k and at the full size to show it does not grow with the file.
 * The import's seconds are split into staging (read, parse, validate, COPY), checks, merge and the
 * participations part of the merge; the same delivery is then loaded again (idempotent re-load).
 * A third figure bounds what any import into the portal's tables can reach: the same rows, already
 * in the participations table's shape, with a bare COPY into a table with its indexes and keys.
 *
 *   DATABASE_URL=postgres://… npm run bench:import [-- 1000000]
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { completeCvr } from '../src/domain/reference/identifiers.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bench:import needs DATABASE_URL (a PostgreSQL server; the role needs CREATEDB)');
  process.exit(2);
}
const total = Number(process.argv[2] ?? 1_000_000);
const PER_ACTIVITY = 20;

function cvrs(start: number, n: number): string[] {
  const out: string[] = [];
  for (let i = start; out.length < n; i++) {
    const c = completeCvr(String(i));
    if (c) out.push(c);
  }
  return out;
}

/** Writes clusters, activities and participants CSV files with `rows` participant rows. */
async function writeDelivery(dir: string, rows: number) {
  const clusters = cvrs(3_000_000, 50);
  const companies = cvrs(4_000_000, Math.max(1000, Math.floor(rows / 5)));
  const activities = Math.ceil(rows / PER_ACTIVITY);
  const files = {
    clusters: join(dir, 'clusters.csv'),
    activities: join(dir, 'activities.csv'),
    participants: join(dir, 'participants.csv'),
  };
  const write = async (path: string, lines: Iterable<string>) => {
    const out = createWriteStream(path);
    for (const line of lines)
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise((r) => out.end(r));
  };
  await write(files.clusters, [
    'cvr,name,league,municipality_code,stronghold_industries\n',
    ...clusters.map((c, i) => `${c},Benchklynge ${i},regional,461,28 62\n`),
  ]);
  await write(
    files.activities,
    (function* () {
      yield 'cluster_cvr,activity_ref,title,category,start_date,grant_dkk\n';
      for (let a = 0; a < activities; a++)
        yield `${clusters[a % clusters.length]},B${a},Aktivitet ${a},networking,2023-${String((a % 12) + 1).padStart(2, '0')}-10,${a % 9000}\n`;
    })(),
  );
  await write(
    files.participants,
    (function* () {
      yield 'cluster_cvr,activity_ref,participant_type,cvr,name,employees,municipality_code,industry_code,new_competence,new_idea,new_product\n';
      for (let r = 0; r < rows; r++) {
        const a = Math.floor(r / PER_ACTIVITY);
        const company = companies[(a * 7 + (r % PER_ACTIVITY) * 13) % companies.length];
        yield `${clusters[a % clusters.length]},B${a},company,${company},Firma ${company} ApS,${r % 300},461,282900,${r % 2},${r % 3 === 0 ? 1 : 0},${r % 7 === 0 ? 1 : 0}\n`;
      }
    })(),
  );
  return files;
}

async function withDatabase<T>(name: string, work: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const target = new URL(url as string);
  target.pathname = `/${name}`;
  try {
    return await work(target.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function rawCopy(dbUrl: string, participants: string): Promise<number> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query(`create table bare (cluster_cvr text, activity_ref text, participant_type text, cvr text, name text,
    employees text, municipality_code text, industry_code text, new_competence text, new_idea text, new_product text)`);
  const started = performance.now();
  await pipeline(
    createReadStream(participants),
    client.query(copyFrom('COPY bare FROM STDIN WITH (FORMAT csv, HEADER true)')),
  );
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

/**
 * The least any import that keeps these rows in `participations` can take: the imported rows,
 * already in the table's own shape, copied with a bare COPY into a table with the same indexes and
 * checks, with and without its two foreign keys (no triggers). No validation, staging, merge or audit.
 */
async function copyIntoParticipationsShape(dbUrl: string, dir: string) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const columns =
    'activity_id, cluster_id, year, participant_type, cvr, name, country, employees, municipality_code, industry_code, ' +
    'institution_kind, new_competence, new_idea, new_product, reported_at';
  const file = join(dir, 'participations.copy');
  await pipeline(
    client.query(copyTo(`COPY (SELECT ${columns} FROM participations ORDER BY id) TO STDOUT`)),
    createWriteStream(file),
  );
  const copyInto = async (keys: boolean) => {
    await client.query('create table bound (like participations including all)');
    if (keys)
      await client.query(`alter table bound add foreign key (activity_id) references activities (id) on delete cascade,
                          add foreign key (cvr) references companies (cvr)`);
    const started = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY bound (${columns}) FROM STDIN`)));
    const seconds = (performance.now() - started) / 1000;
    await client.query('drop table bound');
    return seconds;
  };
  const withKeys = await copyInto(true);
  const withoutKeys = await copyInto(false);
  await client.end();
  await rm(file);
  return { withKeys, withoutKeys };
}

function importInChild(dbUrl: string, files: Record<string, string>) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'import-child.ts'),
      dbUrl,
      files.clusters as string,
      files.activities as string,
      files.participants as string,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      env: { ...process.env, KLYNGE_PROFILE: '1' },
    },
  );
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  // The import's KLYNGE_PROFILE lines ("  stage participants.csv: 812 ms") summed by phase.
  const phases = { stage: 0, check: 0, merge: 0, participations: 0 };
  for (const [, what, ms] of r.stderr.matchAll(/^ {2}(.+): (\d+) ms$/gm)) {
    const t = Number(ms) / 1000;
    if (what?.startsWith('sql rules')) continue;
    if (what?.startsWith('merge')) {
      phases.merge += t;
      if (/participant/.test(what)) phases.participations += t;
    } else if (what === 'checks' || what === 'stage indexes') phases.check += t;
    else phases.stage += t;
  }
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as {
    ok: boolean;
    seconds: number;
    rows: number;
    maxRssMb: number;
  };
  return { ...result, phases };
}

const dir = await mkdtemp(join(tmpdir(), 'klynge-bench-'));
try {
  const results: Record<string, unknown>[] = [];
  for (const rows of [...new Set([Math.min(100_000, total), total])]) {
    const files = await writeDelivery(dir, rows);
    const size = (await stat(files.participants)).size;
    await withDatabase(`klynge_bench_${process.pid}`, async (dbUrl) => {
      const database = await openDatabase({ databaseUrl: dbUrl });
      await migrateDatabase(database);
      await database.close();
      const copySeconds = await rawCopy(dbUrl, files.participants);
      const imported = importInChild(dbUrl, files);
      if (!imported.ok) throw new Error('the generated delivery was rejected');
      // The same delivery again: idempotent, it should write (almost) nothing.
      const reloaded = importInChild(dbUrl, files);
      if (!reloaded.ok) throw new Error('the repeated delivery was rejected');
      const bound = await copyIntoParticipationsShape(dbUrl, dir);
      const s1 = (x: number) => Number(x.toFixed(1));
      const result = {
        rows,
        fileMb: Math.round(size / 1e6),
        rawCopyRowsPerS: Math.round(rows / copySeconds),
        importRowsPerS: Math.round(rows / imported.seconds),
        ratio: Number((copySeconds / imported.seconds).toFixed(3)),
        // A bare COPY into the participations table's shape (indexes, checks, foreign keys).
        tableCopyRowsPerS: Math.round(rows / bound.withKeys),
        tableCopyRatio: Number((copySeconds / bound.withKeys).toFixed(3)),
        tableCopyNoKeysRatio: Number((copySeconds / bound.withoutKeys).toFixed(3)),
        importSeconds: s1(imported.seconds),
        stageS: s1(imported.phases.stage),
        checkS: s1(imported.phases.check),
        mergeS: s1(imported.phases.merge),
        participationsMergeS: s1(imported.phases.participations),
        reloadSeconds: s1(reloaded.seconds),
        importPeakRssMb: Math.max(imported.maxRssMb, reloaded.maxRssMb),
      };
      results.push(result);
      console.log(JSON.stringify(result));
    });
  }
  console.table(results);
} finally {
  if (!process.env.KEEP) await rm(dir, { recursive: true, force: true });
  else console.log(dir);
}
