import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createDeliveryJobs, type DeliveryJobs } from '../../src/domain/reporting/delivery/jobs.ts';
import type { DeliveryFile } from '../../src/domain/reporting/delivery/load.ts';
import { getDelivery } from '../../src/domain/reporting/delivery/log.ts';
import { createLogger } from '../../src/logger.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { SYSTEM, textFile } from './delivery-helpers.ts';

let database: Database;
let jobs: DeliveryJobs;
const logged: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  });
  jobs = createDeliveryJobs(database, createLogger({ logLevel: 'error' }, sink));
});
afterAll(() => database?.close());

/** A file that sends its first `at` bytes, then waits until released: an upload still on its way. */
function gatedFile(name: string, text: string, at: number, fail = false) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const bytes = Buffer.from(text, 'utf8');
  const file: DeliveryFile = {
    name,
    open: async function* () {
      yield bytes.subarray(0, at);
      await gate;
      if (fail) throw new Error('the upload broke off');
      yield bytes.subarray(at);
    },
  };
  return { file, release, size: bytes.length };
}

const request = (files: DeliveryFile[]) => ({ channel: 'web' as const, files, now: () => new Date() });
/** Reads every delivery (a funder): the log entry of a job. */
const reader = roleCaller('funder');
const logEntry = (id: string | null) => getDelivery(database.db, reader, id as string);

describe('deliveries loading in the background', () => {
  it('tells how far a delivery has come, then where its result is, and removes its files', async () => {
    const d = generateDelivery(41, { clusters: 2, companies: 3000, activities: 3300 });
    const MiB = 1024 * 1024;
    expect(d.participantsCsv.length).toBeGreaterThan(1.1 * MiB);
    const first = [textFile('clusters.csv', d.clustersCsv), textFile('activities.csv', d.activitiesCsv)];
    const before = Buffer.byteLength(d.clustersCsv) + Buffer.byteLength(d.activitiesCsv);
    const participants = gatedFile('participants.csv', d.participantsCsv, Math.floor(1.05 * MiB));
    let cleaned = 0;
    const job = await jobs.start(
      SYSTEM,
      request([...first, participants.file]),
      [Buffer.byteLength(d.clustersCsv), Buffer.byteLength(d.activitiesCsv), participants.size],
      async () => {
        cleaned++;
      },
    );
    expect(job.totalBytes).toBe(before + participants.size);
    await vi.waitFor(() => expect(job.bytesRead).toBeGreaterThanOrEqual(before + MiB), { timeout: 20_000 });
    expect(job).toMatchObject({
      state: 'running',
      phase: 'reading',
      file: 'participants.csv',
      deliveryId: null,
    });
    expect(job.bytesRead).toBeLessThan(job.totalBytes);
    expect(cleaned).toBe(0);
    participants.release();
    await jobs.idle();
    expect(job).toMatchObject({ state: 'done', phase: 'writing', bytesRead: job.totalBytes });
    const logged = await logEntry(job.deliveryId);
    expect(logged).toMatchObject({ status: 'loaded', channel: 'web' });
    expect(logged.counts.participants).toBeGreaterThan(10_000);
    expect(cleaned).toBe(1);
    expect(jobs.get(SYSTEM, job.id)).toBe(job);
    // Only the one who started it sees a job.
    expect(jobs.get(roleCaller('cluster_staff'), job.id)).toBeUndefined();
  });

  it('loads two at a time, queues the next, and ends a broken one with nothing written', async () => {
    const d = generateDelivery(42, { clusters: 1, companies: 50, activities: 20 });
    const other = generateDelivery(43, { clusters: 1, companies: 50, activities: 20 });
    const cleaned: string[] = [];
    const start = (files: DeliveryFile[], label: string) =>
      jobs.start(SYSTEM, request(files), [1, 1, 1], async () => {
        cleaned.push(label);
      });
    const slow = gatedFile('clusters.csv', d.clustersCsv, 10);
    const broken = gatedFile('participants.csv', other.participantsCsv, 100, true);
    const a = await start(
      [
        slow.file,
        textFile('activities.csv', d.activitiesCsv),
        textFile('participants.csv', d.participantsCsv),
      ],
      'a',
    );
    const b = await start(
      [
        textFile('clusters.csv', other.clustersCsv),
        textFile('activities.csv', other.activitiesCsv),
        broken.file,
      ],
      'b',
    );
    const c = await start([textFile('clusters.csv', d.clustersCsv)], 'c');
    expect([a.state, b.state, c.state]).toEqual(['running', 'running', 'queued']);
    broken.release();
    slow.release();
    await jobs.idle();
    expect([a.state, b.state, c.state]).toEqual(['done', 'failed', 'done']);
    expect(b.deliveryId).toBeNull();
    expect(cleaned.sort()).toEqual(['a', 'b', 'c']);
    expect(logged.join('')).toContain('the upload broke off');
    // The broken delivery's cluster and activities (read before the break) were not written.
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organisations where cvr = ${other.clusterCvrs[0]}`,
    );
    expect(row?.n).toBe(0);
    expect((await logEntry(a.deliveryId)).status).toBe('loaded');
  });

  it('refuses a caller who reports for no cluster before anything is queued, and removes the files', async () => {
    let cleaned = 0;
    for (const who of [roleCaller('funder'), roleCaller('support_staff'), roleCaller('admin')]) {
      await expect(
        jobs.start(who, request([textFile('clusters.csv', 'cvr\n')]), [1], async () => {
          cleaned++;
        }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(cleaned).toBe(3);
  });
});
