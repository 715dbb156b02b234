/**
 * Page benchmark (`npm run bench:pages`): the real app with the demo data, loaded by autocannon
 * (20 connections, 10 s per target) from a child process, with `/healthz` (one database round
 * trip) as the floor in the same run. Targets: the home page, the catalogue, a cluster page, more
 * than 300 different searches (words, typos, compounds, æ/ø/å and their folded spellings) and the
 * signed-in workspace lists of a cluster's staff and the funders' reporting status. Prints req/s,
 * p50/p95/p97.5/p99 and CPU per request per target and each target's p97.5 as a multiple of the
 * floor's (goal: at most 5×, 0 errors).
 *
 * The searches are crossed with the kind filter into more distinct requests than the search
 * result cache holds and requested in a fixed cycle, so every one misses the cache: the figure
 * is the uncached path. The other public pages are what a visitor gets (their own caches
 * included); signed-in pages are never cached.
 *
 * Database: DATABASE_URL set gives a fresh database on that PostgreSQL server, dropped at the
 * end; otherwise an in-memory PGlite. BENCH_SECONDS, BENCH_WARMUP and BENCH_CONNECTIONS override
 * the load. Request logging is off (LOG_LEVEL=warn).
 */
import { availableParallelism } from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { migrateDatabase, queryRows } from '../src/db/client.ts';
import { startSession } from '../src/domain/accounts/sessions.ts';
import { seedDemo } from '../src/domain/demo/seed.ts';
import { cookieName } from '../src/http/middleware/cookies.ts';
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

const GOAL_RATIO = 5;
const FLOOR = '/healthz (floor)';

/** Words people type, as written and with æ/ø/å typed as two letters or one. */
const DANISH_WORDS = [
  'fødevarer',
  'sundhed',
  'velfærdsteknologi',
  'grøn omstilling',
  'vindmøller',
  'sølv',
  'bæredygtighed',
  'søfart',
  'maritime',
  'jordbrug',
  'økologi',
  'forsøg',
  'lægemidler',
  'kunstig intelligens',
  'robotteknologi',
  'fødevareklynge',
  'energilagring',
  'brændselsceller',
  'vækst',
  'havvind',
  'Århus',
  'Aalborg',
  'Odense',
  'Sjælland',
  'København',
  'Esbjerg',
  'Sønderborg',
  'Næstved',
  'byggeri',
  'træ',
  'møbler',
  'design',
  'lyd',
  'spil',
  'turisme',
  'oplevelser',
  'mode',
  'tekstil',
  'vand',
  'spildevand',
  'klima',
  'miljø',
  'cirkulær økonomi',
  'plast',
  'genbrug',
  'materialer',
  'digitalisering',
  'cybersikkerhed',
  'kvanteteknologi',
  'droner',
  'rumfart',
  'logistik',
  'transport',
  'elbiler',
  'brint',
  'power-to-x',
  'biogas',
  'fjernvarme',
  'solceller',
  'batterier',
];
const COMPOUNDS = [
  'fødevareinnovation',
  'sundhedsteknologi',
  'vandteknologi',
  'energiklynge',
  'robotklynge',
  'innovationssamarbejde',
  'virksomhedsnetværk',
  'klyngeorganisation',
  'vindmølleindustri',
  'produktionsvirksomheder',
  'uddannelsesinstitution',
  'teknologioverførsel',
];

const foldTwo = (w: string) =>
  w.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/Å/g, 'Aa');
const foldOne = (w: string) => w.replace(/æ/g, 'e').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/Å/g, 'A');
/** A typo: one inner letter dropped (the middle one), or two neighbours swapped for short words. */
function typo(w: string): string {
  if (w.length < 5) return w.length > 2 ? `${w[1]}${w[0]}${w.slice(2)}` : w;
  const i = Math.floor(w.length / 2);
  return w.slice(0, i) + w.slice(i + 1);
}

/** More than 300 different searches, with 2-word combinations so that words meet their neighbours. */
function searchTexts(): string[] {
  const texts = new Set<string>();
  for (const w of [...DANISH_WORDS, ...COMPOUNDS]) {
    texts.add(w);
    texts.add(foldTwo(w));
    texts.add(foldOne(w));
    texts.add(typo(w));
    texts.add(typo(foldOne(w)));
    texts.add(w.slice(0, Math.max(4, Math.ceil(w.length * 0.6)))); // a word not yet finished
  }
  for (let i = 0; i + 1 < DANISH_WORDS.length; i += 1) texts.add(`${DANISH_WORDS[i]} ${DANISH_WORDS[i + 1]}`);
  return [...texts];
}

/** Each search with every kind filter, in a fixed shuffle so that consecutive requests differ. */
function searchPaths(texts: string[]): string[] {
  const paths = texts.flatMap((q) =>
    ['', 'cluster', 'activity', 'news', 'event', 'call', 'story'].map(
      (type) => `/soeg?${new URLSearchParams({ q, type })}`,
    ),
  );
  return fixedShuffle(paths);
}

async function main(): Promise<void> {
  const started = performance.now();
  const bench = await benchDatabase(process.env.DATABASE_URL);
  let app: RunningServer | undefined;
  try {
    console.log(`Database: ${bench.description}`);
    await migrateDatabase(bench.database);
    const summary = await seedDemo(bench.database);
    console.log(`Demo data: ${summary.clusters} clusters, ${summary.activities} activities`);
    const config = loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' });
    app = await startServer(config, bench.database, createLogger(config));

    const [cluster] = await queryRows<{ slug: string }>(
      bench.database.db,
      sql`select o.slug from organisations o join clusters c on c.organisation_id = o.id
          order by o.name limit 1`,
    );
    const session = async (email: string) => {
      const [user] = await queryRows<{ id: string }>(
        bench.database.db,
        sql`select id from users where email = ${email}`,
      );
      if (!user) throw new Error(`no demo user ${email}`);
      const { token } = await startSession(bench.database.db, user.id, 'password', new Date(), 24, {
        multiFactor: true,
      });
      return { cookie: `${cookieName(config, 'session')}=${token}` };
    };
    const staff = await session('klynge@demo.klyngeportalen.dk');
    const funder = await session('funder@demo.klyngeportalen.dk');
    const texts = searchTexts();
    const searches = searchPaths(texts);

    console.log(
      `Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target after ${WARMUP} s warm-up; ` +
        `Node ${process.version}, ${availableParallelism()} CPUs; ${texts.length} search texts × 7 kinds = ${searches.length} searches\n`,
    );
    const searchName = `/soeg, ${texts.length} texts, uncached`;
    const targets: [string, string, string[]?, Record<string, string>?][] = [
      [FLOOR, '/healthz'],
      ['/ (home)', '/'],
      ['/klynger', '/klynger'],
      [`/klynger/${cluster?.slug}`, `/klynger/${cluster?.slug}`],
      [searchName, '/soeg', searches],
      ['/arbejdsrum/aktiviteter', '/arbejdsrum/aktiviteter', undefined, staff],
      ['/arbejdsrum/indberetninger', '/arbejdsrum/indberetninger', undefined, staff],
      ['/indberetninger/status', '/indberetninger/status', undefined, funder],
    ];
    const width = Math.max(...targets.map(([name]) => name.length)) + 2;
    printHeader(width);
    const results = new Map<string, Load>();
    for (const [name, path, paths, headers] of targets) {
      const probe = await fetch(`${app.url}${paths?.[0] ?? path}`, { headers });
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`${name} answers ${probe.status}`);
      const result = await load(`${app.url}${path}`, paths, headers);
      results.set(name, result);
      printRow(name, result, width);
    }
    const floor = results.get(FLOOR)?.p975 ?? Number.NaN;
    console.log(
      `\np97.5 as a multiple of the floor's (${floor.toFixed(2)} ms); goal <= ${GOAL_RATIO}x, 0 errors:`,
    );
    for (const [name, r] of results) {
      if (name === FLOOR) continue;
      const ratio = r.p975 / floor;
      const met = ratio <= GOAL_RATIO && r.non2xx + r.errors === 0;
      console.log(`  ${name.padEnd(width)}${ratio.toFixed(1).padStart(6)}x  ${met ? 'met' : 'NOT met'}`);
    }
  } finally {
    await app?.close();
    await bench.drop();
    console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
}

await main();
