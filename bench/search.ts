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
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.ts';
import { migrateDatabase } from '../src/db/client.ts';
import { seedDemo } from '../src/domain/demo/seed.ts';
import { createLogger } from '../src/logger.ts';
import { type RunningServer, startServer } from '../src/main.ts';
import { benchDatabase } from './database.ts';
import {
  CONNECTIONS,
  fixedShuffle,
  type Load,
  load,
  printHeader,
  printRow,
  SECONDS,
  WARMUP,
} from './http-load.ts';

const TARGET_RATIO = 3;
const COLD = '/soeg, 6720 searches';

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
  return fixedShuffle(paths);
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
    printHeader();
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
