import { createReadStream, createWriteStream, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { participations } from '../../src/db/schema/index.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createCluster } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/http.ts';

/**
 * An API delivery over the old 50 MB in-memory limit goes through with the server's memory
 * flat: the multipart body is streamed to a temporary file and the import reads it from there.
 * Measured in this process (the app runs in-process), sampling the peak while the request runs.
 * On PostgreSQL only: PGlite runs the database in this process, so its memory would be counted too,
 * and it loads this many rows too slowly for a test.
 */
const CLUSTER = '29403473';
const ACTIVITIES = 1000;
const TARGET_BYTES = 128 * 1024 * 1024;
const MB = 1024 * 1024;

/*
 * What the server holds, not the garbage it has yet to collect: Node 24's collector lets tens of
 * MB of dead buffers wait, which a sample would count. A full collection every 200 ms (the
 * `gc` function made available at run time) keeps the samples to live memory.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

let database: Database;
let t: TestApp;
let token = '';
let dir = '';
let participants = '';
let rows = 0;

function companies(n: number): string[] {
  const out: string[] = [];
  for (let i = 4_000_000; out.length < n; i++) {
    const c = completeCvr(String(i));
    if (c) out.push(c);
  }
  return out;
}

/** Writes participant rows to a file until it is TARGET_BYTES: one unique company per row and activity. */
async function writeParticipants(path: string): Promise<number> {
  const firms = companies(Math.ceil(TARGET_BYTES / 150 / ACTIVITIES));
  const out = createWriteStream(path);
  const pad = 'x'.repeat(280);
  let bytes = 0;
  let r = 0;
  const header = 'cluster_cvr,activity_ref,participant_type,cvr,name\n';
  out.write(header);
  bytes += header.length;
  while (bytes < TARGET_BYTES) {
    const firm = firms[Math.floor(r / ACTIVITIES)];
    const line = `${CLUSTER},M${r % ACTIVITIES},company,${firm},Firma ${firm} ${pad}\n`;
    bytes += line.length;
    r++;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return r;
}

const activitiesCsv = () =>
  `${[
    'cluster_cvr,activity_ref,title,category,start_date',
    ...Array.from({ length: ACTIVITIES }, (_, a) => `${CLUSTER},M${a},Aktivitet ${a},networking,2024-03-01`),
  ].join('\n')}\n`;

/** A multipart body of activities.csv and the big participants.csv, read from disk as it is sent. */
function multipartStream(boundary: string): ReadableStream<Uint8Array> {
  const part = (name: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
  async function* body() {
    yield Buffer.from(`${part('activities.csv')}${activitiesCsv()}\r\n${part('participants.csv')}`);
    yield* createReadStream(participants, { highWaterMark: 256 * 1024 });
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return Readable.toWeb(Readable.from(body())) as unknown as ReadableStream<Uint8Array>;
}

beforeAll(async () => {
  if (testDriver() !== 'postgres') return;
  database = await createTestDatabase();
  t = createTestApp(database);
  const org = await createCluster(database.db, { cvr: CLUSTER, name: 'Stor Klynge', slug: 'stor-klynge' });
  token = (
    await createApiToken(database.db, roleCaller('admin'), {
      organisationId: org.id,
      name: 'Bulk',
      now: new Date(),
      lifetime: 30,
    })
  ).token;
  dir = await mkdtemp(join(tmpdir(), 'upload-memory-'));
  participants = join(dir, 'participants.csv');
  rows = await writeParticipants(participants);
}, 120_000);
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(testDriver() === 'postgres')('a delivery over 50 MB through the API', () => {
  it('loads with the server memory flat and leaves no temporary file', { timeout: 120_000 }, async () => {
    const size = (await stat(participants)).size;
    expect(size).toBeGreaterThan(60 * MB);
    // The server's temporary directories go to a directory of this test (os.tmpdir() reads TMPDIR).
    const uploads = await mkdtemp(join(dir, 'tmp-'));
    const systemTmp = process.env.TMPDIR;
    process.env.TMPDIR = uploads;
    collectGarbage();
    const base = process.memoryUsage();
    let spooled = 0;
    const peak = { rss: base.rss, heap: base.heapUsed + base.arrayBuffers };
    const sample = () => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.heap = Math.max(peak.heap, m.heapUsed + m.arrayBuffers);
      spooled = Math.max(spooled, readdirSync(uploads).length);
    };
    const timer = setInterval(sample, 10);
    const collector = setInterval(collectGarbage, 200);
    const boundary = `----klynge${Date.now()}`;
    const started = Date.now();
    const res = await t.app.fetch(
      new Request('http://localhost/api/v1/deliveries', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body: multipartStream(boundary),
        duplex: 'half',
      } as RequestInit),
    );
    const answer = (await res.json()) as { data: { status: string; counts: Record<string, number> } };
    sample();
    clearInterval(timer);
    clearInterval(collector);
    if (systemTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = systemTmp;
    const seconds = (Date.now() - started) / 1000;
    const growth = {
      rss: Math.round((peak.rss - base.rss) / MB),
      heapAndBuffers: Math.round((peak.heap - base.heapUsed - base.arrayBuffers) / MB),
    };
    console.info(
      `upload of ${Math.round(size / MB)} MB (${rows} participant rows) in ${seconds.toFixed(1)} s; peak growth MB`,
      growth,
    );
    expect(res.status, JSON.stringify(answer).slice(-1500)).toBe(201);
    expect(answer.data.status).toBe('loaded');
    expect(answer.data.counts.participants).toBe(rows);
    const [stored] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${participations}`,
    );
    expect(Number(stored?.n)).toBe(rows);
    // Holding the file in memory would cost at least its size (128 MB); streaming costs buffers
    // and a batch of rows, measured at 8-50 MB on Node 24 (the bound leaves room for the spread).
    expect(growth.heapAndBuffers).toBeLessThan(90);
    expect(growth.rss).toBeLessThan(90);
    // The upload went to a temporary directory while it was loaded, and that is gone.
    expect(spooled).toBe(1);
    expect(await readdir(uploads)).toEqual([]);
  });
});
