import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { type ErrorCode, errorMessage } from '../../src/domain/reporting/format/errors.ts';
import { databaseUrlOf } from '../support/cli.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { hostileCorpus } from '../support/hostile-files.ts';
import { dataFingerprint } from './delivery-helpers.ts';

const BIN = join(import.meta.dirname, '../../bin/klynge.js');
let dir: string;
let database: Database | undefined;
let env: Record<string, string>;

/** The CLI runs against the test's own database: a PostgreSQL URL, or a PGlite data directory of its own. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'klynge-cli-'));
  const base = { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '' } as Record<string, string>;
  if (testDriver() === 'postgres') {
    database = await createTestDatabase();
    env = { ...base, DATABASE_URL: databaseUrlOf(database) };
  } else {
    env = { ...base, DATA_DIR: join(dir, 'data') };
    delete env.DATABASE_URL;
  }
}, 60_000);
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

function run(args: string[], onStderr?: (text: string, child: ChildProcess) => void) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { env, cwd: dir });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => {
        stderr += d;
        onStderr?.(stderr, child);
      });
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
}

async function writeDelivery(name: string, g: ReturnType<typeof generateDelivery>) {
  const paths = {
    clusters: join(dir, `${name}-clusters.csv`),
    activities: join(dir, `${name}-activities.csv`),
    participants: join(dir, `${name}-participants.csv`),
  };
  await writeFile(paths.clusters, g.clustersCsv);
  await writeFile(paths.activities, g.activitiesCsv);
  await writeFile(paths.participants, g.participantsCsv);
  return [paths.clusters, paths.activities, paths.participants];
}

describe('klynge import and klynge report', () => {
  it('loads a generated delivery, reports exactly the spec figures, and a second load changes nothing', async () => {
    const g = generateDelivery(21, { clusters: 3, companies: 120, activities: 90 });
    const files = await writeDelivery('good', g);
    const first = await run(['import', ...files]);
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toMatch(
      /^Loaded delivery [0-9a-f-]{36}: 3 clusters, 90 activities, \d+ participants/,
    );
    const report = async (args: string[] = []) => {
      const r = await run(['report', '--year', '2023', '--format', 'json', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const preliminary = (cvr?: string) => g.expected(2023, cvr, 'preliminary');
    expect(await report(['--preliminary'])).toEqual(preliminary());
    // No year approved: the official account has none of it.
    expect(await report()).toEqual(g.expected(2023, []));
    const cvr = g.clusterCvrs[1] as string;
    expect(await report(['--cluster', cvr, '--preliminary'])).toEqual(preliminary(cvr));
    const again = await run(['import', ...files]);
    expect(again.code).toBe(0);
    expect(await report(['--preliminary'])).toEqual(preliminary());
  }, 120_000);

  it('rejects a broken delivery with exit 1, listing every error with its line and column', async () => {
    const bad = join(dir, 'bad-activities.csv');
    await writeFile(
      bad,
      'cluster_cvr,activity_ref,title,category,start_date\n29403473,X1,Ok,networking,2023-02-30\n29403474,X2,,nope,2023-01-01\n',
    );
    const text = await run(['import', bad]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Rejected: 4 error(s); nothing was written.');
    expect(text.stdout).toContain(
      'bad-activities.csv, line 2, column start_date ("2023-02-30"): must be a real date',
    );
    expect(text.stdout).toContain(
      'bad-activities.csv, line 3, column cluster_cvr ("29403474"): is not a valid CVR',
    );
    const json = await run(['import', '--format', 'json', bad]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.ok).toBe(false);
    expect(
      parsed.errors.map(
        (e: { line: number; column: string; code: string }) => `${e.line}:${e.column}:${e.code}`,
      ),
    ).toEqual(['2:start_date:date', '3:cluster_cvr:cvr', '3:title:required', '3:category:category']);
  }, 60_000);

  it('refuses every file of the hostile corpus with exit 1 and its own error, writing nothing', async () => {
    const corpus = hostileCorpus('29403473');
    const paths = [];
    for (const file of corpus) {
      const path = join(dir, file.name);
      await writeFile(path, file.bytes);
      paths.push(path);
    }
    const text = await run(['import', ...paths]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toContain(`Rejected: ${corpus.length} error(s); nothing was written.`);
    for (const file of corpus)
      expect(text.stdout, file.case).toMatch(
        new RegExp(
          `\\n  ${file.name.replace('.', '\\.')}[^\\n]*: ${errorMessage(file.code as ErrorCode, 'en').replace(/[()]/g, '\\$&')}\\n`,
        ),
      );
    // Every file is of 2024, a year nothing else here reports: nothing of them was written.
    const after = await run(['report', '--year', '2024', '--format', 'json']);
    expect(JSON.parse(after.stdout)).toMatchObject({ year: 2024, activities: 0 });
  }, 120_000);

  it('refuses bad arguments with exit 2 and a clear message', async () => {
    expect((await run(['report', '--year', 'soon'])).stderr).toContain('--year must be a year');
    const missing = await run(['import', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  }, 60_000);
});

describe.runIf(testDriver() === 'postgres')('a delivery killed with SIGKILL mid-write', () => {
  it('leaves the data entirely old; loading it again makes it entirely new', async () => {
    const old = generateDelivery(31, { clusters: 2, companies: 200, activities: 300 });
    expect((await run(['import', ...(await writeDelivery('old', old))])).code).toBe(0);
    const db = database as Database;
    const before = await dataFingerprint(db);

    // Other clusters and companies, so the old data stays and the new one's figures are its own.
    const big = generateDelivery(32, { clusters: 2, companies: 12_000, activities: 16_000 });
    const files = await writeDelivery('big', big);
    const killed = await run(['import', ...files], (stderr, child) => {
      if (stderr.includes('writing...')) child.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(await dataFingerprint(db)).toBe(before);

    const done = await run(['import', ...files]);
    expect(done.code, done.stdout.slice(0, 500)).toBe(0);
    for (const cvr of big.clusterCvrs) {
      const r = await run([
        'report',
        '--year',
        '2023',
        '--cluster',
        cvr,
        '--preliminary',
        '--format',
        'json',
      ]);
      expect(JSON.parse(r.stdout)).toEqual(big.expected(2023, cvr, 'preliminary'));
    }
  }, 300_000);
});
