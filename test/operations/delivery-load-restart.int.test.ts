import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { queueDeliveryLoad } from '../../src/domain/reporting/delivery/jobs.ts';
import { createJobQueue } from '../../src/jobs/queue.ts';
import { createLogger } from '../../src/logger.ts';
import { createUserAndCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { generateDelivery } from '../support/delivery-generator.ts';
import { createCluster } from '../support/factories.ts';
import { type Instance, startInstance, stopInstance, until } from '../support/instances.ts';

/*
 * A web delivery's load survives the death of the process running it: the job is queued in the
 * database with the uploaded files, the process is killed in the middle of its load, and the
 * instance started next loads it, once, with every row.
 */

let database: Database;
let dir: string;
let instance: Instance | undefined;
/**
 * A dead worker is noticed within seconds here (its heartbeat is 10 s; production looks each
 * minute), and its job retried after a second (a job keeps the retry delay it was queued with).
 */
const FAST_RECOVERY = { JOB_SUPERVISE_SECONDS: '1', JOB_RETRY_DELAY_SECONDS: '1' };

interface LoadRow {
  state: string;
  attempt: number;
  bytesRead: number;
  deliveryId: string | null;
}

describe.runIf(testDriver() === 'postgres')('a delivery load cut off by a crash', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'load-restart-'));
  });
  afterAll(async () => {
    await stopInstance(instance, 'SIGKILL');
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is loaded by the next instance exactly once, with the exact counts', async () => {
    if (database.raw.driver !== 'postgres') throw new Error('PostgreSQL only');
    const url = String(database.raw.pool.options.connectionString);
    const d = generateDelivery(24, { clusters: 1, companies: 5_000, activities: 10_000 });
    const cvr = d.clusterCvrs[0] as string;
    const org = await createCluster(database.db, { cvr, name: 'Genstartklyngen', slug: 'genstart' });
    const { caller } = await createUserAndCaller(database.db, 'cluster_staff', { organisationId: org.id });
    const files = [];
    for (const [name, text] of [
      ['activities.csv', d.activitiesCsv],
      ['participants.csv', d.participantsCsv],
    ] as const) {
      await writeFile(join(dir, name), text);
      files.push({ name, path: join(dir, name), bytes: Buffer.byteLength(text) });
    }
    // Counted from the files themselves: one row per line after the header.
    const rowsOf = (text: string) => text.trimEnd().split('\n').length - 1;
    const expected = { activities: rowsOf(d.activitiesCsv), participants: rowsOf(d.participantsCsv) };

    // Queued by this process (as a web instance does); worked by the instance started next.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...FAST_RECOVERY });
    const sender = createJobQueue(database, createLogger({ logLevel: 'silent' }), config.jobs);
    const load = await queueDeliveryLoad(database, sender, caller, files);
    await sender.stop();
    const row = async () =>
      (
        await queryRows<LoadRow>(
          database.db,
          sql`select state, attempt, bytes_read::int as "bytesRead", delivery_id as "deliveryId"
              from delivery_loads where id = ${load.id}`,
        )
      )[0] as LoadRow;

    instance = await startInstance(url, FAST_RECOVERY);
    await until(async () => {
      const r = await row();
      return r.state === 'running' && r.bytesRead > 0;
    }, 60_000);
    await stopInstance(instance, 'SIGKILL');
    // Killed in the middle: nothing of it written, the load still marked as running.
    expect(await row()).toMatchObject({ state: 'running', attempt: 1, deliveryId: null });
    const delivered = async () =>
      (
        await queryRows<{ activities: number; participations: number; deliveries: number }>(
          database.db,
          sql`select (select count(*)::int from activities where cluster_id = ${org.id}) as activities,
                     (select count(*)::int from participations p join activities a on a.id = p.activity_id
                       where a.cluster_id = ${org.id}) as participations,
                     (select count(*)::int from deliveries where submitted_by = ${caller.principal.userId}) as deliveries`,
        )
      )[0];
    expect(await delivered()).toEqual({ activities: 0, participations: 0, deliveries: 0 });

    instance = await startInstance(url, FAST_RECOVERY);
    await until(async () => (await row()).state !== 'running', 120_000);
    const ended = await row();
    expect(ended).toMatchObject({ state: 'done', attempt: 2 });
    expect(await delivered()).toEqual({
      activities: expected.activities,
      participations: expected.participants,
      deliveries: 1,
    });
    const [log] = await queryRows<{ status: string; counts: unknown }>(
      database.db,
      sql`select status, counts from deliveries where id = ${ended.deliveryId}`,
    );
    expect(log).toEqual({ status: 'loaded', counts: { clusters: 0, ...expected } });
    const [chunks] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from delivery_load_chunks where load_id = ${load.id}`,
    );
    expect(chunks?.n).toBe(0);
  }, 240_000);
});
