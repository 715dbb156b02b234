/**
 * Survey results benchmark (`npm run bench:surveys`): the public results page of a survey of
 * 10,000 anonymous responses to the company effect questionnaire, served by the real app, against
 * the /healthz round trip and a bare count of the responses in the same run. Prints the median
 * and worst time of each and the ratio of the results page to /healthz (target: the page under 1 s).
 *
 * Database: DATABASE_URL set gives a fresh database on that PostgreSQL server, dropped at the end;
 * otherwise an in-memory PGlite. BENCH_RESPONSES and BENCH_ROUNDS override the size and repeats.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { systemActor, withActor } from '../src/db/actor.ts';
import { migrateDatabase, queryRows } from '../src/db/client.ts';
import {
  organisations,
  questionnaires,
  questionnaireVersions,
  surveyAnswers,
  surveyResponses,
  surveys,
} from '../src/db/schema/index.ts';
import { insertBulk } from '../src/domain/demo/bulk.ts';
import { createRandom } from '../src/domain/demo/random.ts';
import { demoAnswers } from '../src/domain/demo/survey-answers.ts';
import { answerRows } from '../src/domain/surveys/answers.ts';
import { TEMPLATES } from '../src/domain/surveys/templates.ts';
import { pageHref } from '../src/http/paths.ts';
import { createLogger } from '../src/logger.ts';
import { startServer } from '../src/main.ts';
import { benchDatabase } from './database.ts';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
const LEAGUES = ['world_class', 'regional', 'emerging'] as const;

/** A closed, public company effect survey with RESPONSES synthetic responses; returns its id. */
async function seedSurvey(db: Parameters<typeof withActor>[0]): Promise<string> {
  const random = createRandom(19);
  const template = TEMPLATES.company_effect;
  const ownerId = randomUUID();
  const versionId = randomUUID();
  const surveyId = randomUUID();
  return withActor(db, systemActor('bench'), async (tx) => {
    const regions = await queryRows<{ code: number }>(tx, sql`select code from regions order by code`);
    await tx
      .insert(organisations)
      .values({ id: ownerId, kind: 'support_function', name: 'Bench', slug: 'bench' });
    const questionnaireId = randomUUID();
    await tx
      .insert(questionnaires)
      .values({ id: questionnaireId, ownerId, name: template.name.da, purpose: template.purpose });
    await tx.insert(questionnaireVersions).values({
      id: versionId,
      questionnaireId,
      number: 1,
      definition: template.definition,
      publishedAt: new Date(),
    });
    await tx.insert(surveys).values({
      id: surveyId,
      ownerId,
      questionnaireVersionId: versionId,
      titleDa: 'Benchmark',
      titleEn: 'Benchmark',
      anonymous: true,
      resultsAudience: 'public',
      status: 'closed',
      closesAt: new Date(),
      publishedAt: new Date(),
      closedAt: new Date(),
    });
    const responses = Array.from({ length: RESPONSES }, (_, i) => {
      const id = randomUUID();
      const answers = demoAnswers(template.definition, random, random.next());
      return {
        row: {
          id,
          surveyId,
          questionnaireVersionId: versionId,
          editKey: createHash('sha256').update(`bench:${i}`).digest('hex'),
          anonymous: true,
          regionCode: regions.length > 0 ? random.pick(regions).code : null,
          sizeBand: random.pick(SIZES),
          league: random.pick(LEAGUES),
        },
        answers: answerRows(template.definition, answers).map((a) => ({ ...a, responseId: id })),
      };
    });
    await insertBulk(
      tx,
      surveyResponses,
      responses.map((r) => r.row),
    );
    await insertBulk(
      tx,
      surveyAnswers,
      responses.flatMap((r) => r.answers),
    );
    return surveyId;
  });
}

/** Milliseconds of each of ROUNDS runs of `run`, after one warm-up run. */
async function timed(run: () => Promise<void>): Promise<number[]> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const bench = await benchDatabase(process.env.DATABASE_URL);
  try {
    console.log(`Database: ${bench.description}`);
    await migrateDatabase(bench.database);
    const surveyId = await seedSurvey(bench.database.db);
    await bench.database.db.execute(sql`analyze`);
    const config = loadConfig({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' });
    const server = await startServer(config, bench.database, createLogger(config));
    try {
      const get = (path: string) => async () => {
        const res = await fetch(`${server.url}${path}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      };
      const results = pageHref('surveyResults', 'da', { id: surveyId });
      const rows: [string, number[]][] = [
        ['/healthz', await timed(get('/healthz'))],
        [
          'select count(*) of responses',
          await timed(async () => {
            await bench.database.db.execute(sql`select count(*) from survey_responses`);
          }),
        ],
        [`results page, ${RESPONSES} responses`, await timed(get(results))],
        [`results filtered by region`, await timed(get(`${results}?region=1084`))],
      ];
      console.log(`${ROUNDS} rounds each after one warm-up; Node ${process.version}\n`);
      console.log(`${'target'.padEnd(36)}${'median ms'.padStart(12)}${'max ms'.padStart(12)}`);
      for (const [name, times] of rows)
        console.log(
          `${name.padEnd(36)}${median(times).toFixed(1).padStart(12)}${(times.at(-1) ?? 0).toFixed(1).padStart(12)}`,
        );
      const page = median(rows[2]?.[1] ?? []);
      const base = median(rows[0]?.[1] ?? []);
      console.log(
        `\nresults page / healthz: ${(page / base).toFixed(1)}x; under 1 s: ${page < 1000 ? 'yes' : 'NO'}`,
      );
    } finally {
      await server.close();
    }
  } finally {
    await bench.drop();
  }
}

await main();
