/**
 * Search benchmark (`npm run bench:search`): the real app with the demo data against a bare Hono
 * hello-world route, both on 127.0.0.1, loaded by autocannon (20 connections, 10 s per target)
 * from a child process. Prints req/s and p50/p95/p99 per target and the ratio of the search
 * page's p95 to hello-world's (target: at most 3x).
 *
 * Database: DATABASE_URL set gives a fresh database on that PostgreSQL server, dropped at the
 * end; otherwise an in-memory PGlite. BENCH_SECONDS, BENCH_WARMUP and BENCH_CONNECTIONS override
 * the load; BENCH_PATHS (comma-separated, e.g. "/soeg,/healthz") adds app pages to compare with.
 * Request logging is off (LOG_LEVEL=warn): a log line per request would measure the
 * terminal rather than the app.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.ts';
import { migrateDatabase } from '../src/db/client.ts';
import { seedDemo } from '../src/domain/demo/seed.ts';
import { createLogger } from '../src/logger.ts';
import { type RunningServer, startServer } from '../src/main.ts';
import { benchDatabase } from './database.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const TARGET_RATIO = 3;
const COLD = '/soeg, 6720 searches';
const loadScript = fileURLToPath(new URL('./load.mjs', import.meta.url));

interface Load {
  requests: number;
  warmupRequests: number;
  /** Server CPU time per request (user + system) in microseconds: steadier than latency on a busy machine. */
  cpuUs: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function startHelloWorld(): Promise<RunningServer> {
  const app = new Hono().get('/', (c) => c.text('Hello, world!'));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        metricsUrl: undefined,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Loads `url` from a child process; the server runs in this process, so its CPU time is ours. */
async function load(url: string, paths: string[] = []): Promise<Load> {
  const dir = await mkdtemp(join(tmpdir(), 'klynge-bench-'));
  try {
    const args = [loadScript, url, String(CONNECTIONS), String(SECONDS), String(WARMUP)];
    if (paths.length) {
      await writeFile(join(dir, 'paths.json'), JSON.stringify(paths));
      args.push(join(dir, 'paths.json'));
    }
    const cpu = process.cpuUsage();
    const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
    const used = process.cpuUsage(cpu);
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Omit<Load, 'cpuUs'>;
    const served = result.requests + result.warmupRequests;
    return { ...result, cpuUs: served > 0 ? (used.user + used.system) / served : Number.NaN };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * 6,720 different searches, more than the result cache holds, so that every request runs the
 * full query: words of the demo data combined with every value of every filter.
 */
function coldSearches(): string[] {
  const words = [
    'energi',
    'robot',
    'fodevarer',
    'vand',
    'byggeri',
    'digital',
    'lyd',
    'design',
    'klynge',
    'brint',
  ];
  const paths: string[] = [];
  for (const type of ['', 'cluster', 'activity', 'news', 'story', 'event', 'call'])
    for (const region of ['', '1081', '1082', '1083', '1084', '1085'])
      for (const liga of ['', 'world_class', 'regional', 'emerging'])
        for (const maerke of ['', 'gold', 'silver', 'bronze'])
          for (const q of words)
            paths.push(`/soeg?${new URLSearchParams({ q, type, region, liga, maerke })}`);
  // A fixed shuffle, so that consecutive requests do not share a word.
  return paths
    .map((p, i) => ({ p, k: (i * 7919) % paths.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.p);
}

const fmt = (v: number, width: number, digits = 2) => v.toFixed(digits).padStart(width);

function printRow(name: string, r: Load): void {
  console.log(
    `${name.padEnd(22)}${fmt(r.rps, 10, 0)}${fmt(r.p50, 10)}${fmt(r.p95, 10)}${fmt(r.p99, 10)}${fmt(r.cpuUs, 12, 0)}${String(r.non2xx + r.errors).padStart(10)}`,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await benchDatabase(process.env.DATABASE_URL);
  let app: RunningServer | undefined;
  let hello: RunningServer | undefined;
  try {
    console.log(`Database: ${bench.description}`);
    await migrateDatabase(bench.database);
    const summary = await seedDemo(bench.database);
    console.log(
      `Demo data: ${summary.clusters} clusters, ${summary.activities} activities, seeded and analysed`,
    );
    const config = loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' });
    app = await startServer(config, bench.database, createLogger(config));
    hello = await startHelloWorld();
    console.log(
      `Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after ${WARMUP} s warm-up; ` +
        `Node ${process.version}, ${availableParallelism()} CPUs\n`,
    );
    const targets: [string, string, string[]?][] = [
      ['hello world', `${hello.url}/`],
      ['/soeg?q=energi', `${app.url}/soeg?q=energi`],
      [COLD, `${app.url}/soeg?q=energi`, coldSearches()],
      ['/api/v1/search?q=energi', `${app.url}/api/v1/search?q=energi`],
      ['/klynger', `${app.url}/klynger`],
      ...(process.env.BENCH_PATHS ?? '')
        .split(',')
        .filter((p) => p.startsWith('/'))
        .map((p): [string, string] => [p, `${app?.url}${p}`]),
    ];
    console.log(
      `${'target'.padEnd(22)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU µs/req'.padStart(12)}${'non-2xx'.padStart(10)}`,
    );
    const results = new Map<string, Load>();
    for (const [name, url, paths] of targets) {
      const probe = await fetch(url);
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        console.log(
          `${name.padEnd(22)}  skipped: answers ${probe.status}${probe.status === 404 ? ' (page not built yet)' : ''}`,
        );
        continue;
      }
      const result = await load(url, paths);
      results.set(name, result);
      printRow(name, result);
    }
    const helloP95 = results.get('hello world')?.p95 ?? Number.NaN;
    const searchP95 = results.get('/soeg?q=energi')?.p95 ?? Number.NaN;
    const coldP95 = results.get(COLD)?.p95 ?? Number.NaN;
    const ratio = searchP95 / helloP95;
    console.log(
      `\nsearch p95 / hello p95 = ${searchP95.toFixed(2)} / ${helloP95.toFixed(2)} = ${ratio.toFixed(1)}x ` +
        `(target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    console.log(`cold searches (cache missed) p95 / hello p95 = ${(coldP95 / helloP95).toFixed(1)}x`);
    const cpu = (name: string) => results.get(name)?.cpuUs ?? Number.NaN;
    console.log(
      `server CPU per request, search / hello = ${(cpu('/soeg?q=energi') / cpu('hello world')).toFixed(1)}x`,
    );
  } finally {
    await app?.close();
    await hello?.close();
    await bench.drop();
    console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
}

await main();
