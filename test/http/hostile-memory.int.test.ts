import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { roleCaller } from '../support/callers.ts';
import { databaseUrlOf } from '../support/cli.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster } from '../support/factories.ts';
import {
  type HostileFile,
  hugeCsvCell,
  notAZip,
  sharedStringBomb,
  zipBomb,
} from '../support/hostile-files.ts';

/**
 * The acceptance criterion of the hostile-file work: with a hostile workbook being refused,
 * /klynger from another client answers within 1 s and the server's RSS grows by less than 200 MB.
 * Measured against a real server process (`klynge serve`), its RSS read from /proc while the bombs
 * the probe used go through the API: a workbook of ~400 KB whose one shared string is 400 MiB, a
 * zip bomb of 1 GiB, and a CSV file with a 60 MB cell. On PostgreSQL only: with PGlite the
 * database would run inside the server process and its memory would be counted too.
 */
const BIN = join(import.meta.dirname, '../../bin/klynge.js');
const C = '29403473';
const MB = 1024 * 1024;
let database: Database;
let server: ChildProcess | undefined;
let base = '';
let token = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The server's resident memory in bytes, as the kernel counts it. */
async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`${base}/klynger`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not start');
}

/**
 * Another client in a process of its own, so that sending the bombs from this one cannot delay
 * it: asks for /klynger again and again until stopped, and tells how long each answer took.
 */
function anotherClient() {
  const script = `
    let stop = false;
    process.stdin.on('end', () => { stop = true; });
    process.stdin.resume();
    const latencies = [];
    const statuses = new Set();
    while (!stop) {
      const started = performance.now();
      const res = await fetch(process.env.BASE + '/klynger');
      await res.arrayBuffer();
      statuses.add(res.status);
      latencies.push(performance.now() - started);
    }
    process.stdout.write(JSON.stringify({ latencies, statuses: [...statuses] }));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, BASE: base },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    async stop(): Promise<{ latencies: number[]; statuses: number[] }> {
      child.stdin?.end();
      await exited;
      return JSON.parse(out);
    },
  };
}

function deliver(file: HostileFile) {
  const form = new FormData();
  form.append('files', new File([new Uint8Array(file.bytes)], file.name));
  return fetch(`${base}/api/v1/deliveries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

beforeAll(async () => {
  if (testDriver() !== 'postgres') return;
  database = await createTestDatabase();
  const org = await createCluster(database.db, { cvr: C, name: 'Målt Klynge', slug: 'maalt' });
  token = (
    await createApiToken(database.db, roleCaller('admin'), {
      organisationId: org.id,
      name: 'Måling',
      now: new Date(),
      lifetime: 30,
    })
  ).token;
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrlOf(database),
      KLYNGE_TEST_DB: '',
    },
    stdio: 'ignore',
  });
  await waitForServer();
}, 120_000);
afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.close();
});

describe.runIf(testDriver() === 'postgres')('hostile files against a real server', () => {
  it('refuses the bombs with RSS growth under 200 MB while /klynger answers within 1 s', {
    timeout: 180_000,
  }, async () => {
    const pid = server?.pid as number;
    const bombs = [sharedStringBomb(400), zipBomb(1024), hugeCsvCell(C, 60)];
    console.info(
      'hostile files (bytes sent):',
      Object.fromEntries(bombs.map((b) => [b.case, b.bytes.length])),
    );
    // Warm up: the pages and the import's code paths are loaded before the baseline.
    expect((await deliver(notAZip(C))).status).toBe(422);
    const atRest: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      expect((await fetch(`${base}/klynger`)).status).toBe(200);
      atRest.push(performance.now() - started);
    }
    const baseline = await rss(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      rss(pid).then(
        (v) => (peak = Math.max(peak, v)),
        () => undefined,
      );
    }, 20);
    const other = anotherClient();
    const answers: { case: string; status: number; code: string | undefined; ms: number }[] = [];
    try {
      for (const bomb of bombs) {
        const started = performance.now();
        const res = await deliver(bomb);
        const body = (await res.json()) as { data?: { errors?: { code: string }[] } };
        answers.push({
          case: bomb.case,
          status: res.status,
          code: body.data?.errors?.[0]?.code,
          ms: Math.round(performance.now() - started),
        });
      }
    } finally {
      clearInterval(sampler);
    }
    const { latencies, statuses } = await other.stop();
    const growthMb = Math.round((peak - baseline) / MB);
    const slowest = Math.round(Math.max(...latencies));
    console.info(
      `RSS ${Math.round(baseline / MB)} MB at rest, peak growth ${growthMb} MB; /klynger answered ${latencies.length} times, slowest ${slowest} ms (at rest: slowest ${Math.round(Math.max(...atRest.slice(5)))} ms)`,
      answers,
    );
    expect(answers.map(({ case: c, status, code }) => [c, status, code])).toEqual(
      bombs.map((b) => [b.case, 422, b.code]),
    );
    expect(statuses).toEqual([200]);
    expect(latencies.length).toBeGreaterThan(3);
    expect(slowest).toBeLessThan(1000);
    expect(growthMb).toBeLessThan(200);
  });
});
