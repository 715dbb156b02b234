import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import type { JobEnqueuer } from '../../src/domain/jobs/kinds.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import {
  deliveryLoadOf,
  queueDeliveryLoad,
  type UploadedDeliveryFile,
} from '../../src/domain/reporting/delivery/jobs.ts';
import { runDeliveryLoad } from '../../src/domain/reporting/delivery/load-job.ts';
import { getDelivery } from '../../src/domain/reporting/delivery/log.ts';
import { createLogger } from '../../src/logger.ts';
import { createUserAndCaller, roleCaller } from '../support/callers.ts';
import { createTestDatabase } from '../support/database.ts';
import { createCluster } from '../support/factories.ts';

let database: Database;
let dir: string;
const logged: string[] = [];
const logger = createLogger(
  { logLevel: 'error' },
  new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  }),
);

/** Queues nothing: the test runs the job itself, as the queue's worker would, when it chooses. */
const sent: Record<string, unknown>[] = [];
const recordingQueue: JobEnqueuer = {
  enqueue: async (_kind, data) => {
    sent.push(data);
    return `job-${sent.length}`;
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'delivery-loads-'));
});
afterAll(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

const run = (data: unknown) => runDeliveryLoad({ database, logger, clock: () => new Date() }, data);

/** An uploaded file on disk, as the upload form leaves it. */
async function uploaded(name: string, text: string): Promise<UploadedDeliveryFile> {
  const path = join(dir, `${sent.length}-${name}`);
  await writeFile(path, text);
  return { name, path, bytes: Buffer.byteLength(text) };
}

/** A valid CVR number from its first seven digits. */
const cvr = (first7: string) => completeCvr(first7) as string;
const [CVR_A, CVR_B, CVR_C, CVR_D, CVR_E] = ['3010001', '3010002', '3010003', '3010004', '3010005'].map(
  cvr,
) as [string, string, string, string, string];

/** A cluster and one of its staff, who may deliver its activities. */
async function clusterStaff(cvr: string): Promise<Caller> {
  const org = await createCluster(database.db, { cvr, name: `Klynge ${cvr}`, slug: `k-${cvr}` });
  return (await createUserAndCaller(database.db, 'cluster_staff', { organisationId: org.id })).caller;
}

/** Activities of a cluster: `n` rows, the first `size` bytes long at least. */
const activities = (cvr: string, n: number) =>
  `cluster_cvr,activity_ref,title,category,start_date\n${Array.from(
    { length: n },
    (_, i) => `${cvr},A${i},Aktivitet ${i} ${'x'.repeat(200)},networking,2024-05-01`,
  ).join('\n')}\n`;

const countOf = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1;
const chunksOf = (loadId: string) =>
  countOf(sql`select count(*)::int as n from delivery_load_chunks where load_id = ${loadId}`);

describe('web deliveries loaded by the job queue', () => {
  it('stores the upload with its load, loads it once as its uploader, and shows progress to them only', async () => {
    const staff = await clusterStaff(CVR_A);
    // 6,000 rows of about 250 bytes: stored in two pieces of 1 MiB.
    const file = await uploaded('activities.csv', activities(CVR_A, 6000));
    const queued = await queueDeliveryLoad(database, recordingQueue, staff, [file]);
    expect(sent.at(-1)).toEqual({ loadId: queued.id });
    expect(queued).toMatchObject({ state: 'queued', totalBytes: file.bytes, bytesRead: 0, deliveryId: null });
    expect(await chunksOf(queued.id)).toBe(Math.ceil(file.bytes / (1024 * 1024)));
    expect(await deliveryLoadOf(database.db, roleCaller('cluster_staff'), queued.id)).toBeUndefined();

    await run({ loadId: queued.id });
    const done = await deliveryLoadOf(database.db, staff, queued.id);
    expect(done).toMatchObject({ state: 'done', phase: 'writing', bytesRead: file.bytes });
    const entry = await getDelivery(database.db, roleCaller('funder'), done?.deliveryId as string);
    expect(entry).toMatchObject({
      status: 'loaded',
      channel: 'web',
      actorLabel: expect.stringContaining('@'),
    });
    expect(entry.counts).toEqual({ clusters: 0, activities: 6000, participants: 0 });
    // Loaded, its files are gone; a second run of the same job (a retry) changes nothing.
    expect(await chunksOf(queued.id)).toBe(0);
    await run({ loadId: queued.id });
    expect(
      await countOf(
        sql`select count(*)::int as n from deliveries where submitted_by = ${staff.principal.userId}`,
      ),
    ).toBe(1);
  });

  it('runs again a load whose run was cut off, and ends it loaded exactly once', async () => {
    const staff = await clusterStaff(CVR_B);
    const file = await uploaded('activities.csv', activities(CVR_B, 40));
    const queued = await queueDeliveryLoad(database, recordingQueue, staff, [file]);
    // As a process that died while loading leaves it: running, its transaction rolled back.
    await database.db.execute(
      sql`update delivery_loads set state = 'running', attempt = 1, bytes_read = 100 where id = ${queued.id}`,
    );
    await run({ loadId: queued.id });
    const [row] = await queryRows<{ state: string; attempt: number }>(
      database.db,
      sql`select state, attempt from delivery_loads where id = ${queued.id}`,
    );
    expect(row).toEqual({ state: 'done', attempt: 2 });
    expect(
      await countOf(
        sql`select count(*)::int as n from activities a join organisations o on o.id = a.cluster_id where o.cvr = ${CVR_B}`,
      ),
    ).toBe(40);
  });

  it('marks a load failed with its files kept when it cannot run, and a rejected one done', async () => {
    const staff = await clusterStaff(CVR_C);
    const file = await uploaded('activities.csv', activities(CVR_C, 3));
    const queued = await queueDeliveryLoad(database, recordingQueue, staff, [file]);
    // The uploader's account is closed before the job runs: it no longer acts for anyone.
    await withActor(database.db, systemActor('test'), (tx) =>
      tx.execute(sql`update users set disabled_at = now() where id = ${staff.principal.userId}`),
    );
    await run({ loadId: queued.id });
    const [failed] = await queryRows<{ state: string; error: string }>(
      database.db,
      sql`select state, error from delivery_loads where id = ${queued.id}`,
    );
    expect(failed).toEqual({ state: 'failed', error: 'the uploader has no active account' });
    expect(await chunksOf(queued.id)).toBe(1);

    const other = await clusterStaff(CVR_D);
    // Another cluster's activities: refused by the checks, logged as rejected.
    const foreign = await uploaded('activities.csv', activities(CVR_E, 2));
    const rejected = await queueDeliveryLoad(database, recordingQueue, other, [foreign]);
    await run({ loadId: rejected.id });
    const ended = await deliveryLoadOf(database.db, other, rejected.id);
    expect(ended?.state).toBe('done');
    expect((await getDelivery(database.db, roleCaller('funder'), ended?.deliveryId as string)).status).toBe(
      'rejected',
    );
    expect(await chunksOf(rejected.id)).toBe(0);
  });

  it('refuses a caller who may not deliver before anything is stored', async () => {
    const before = await countOf(sql`select count(*)::int as n from delivery_loads`);
    const file = await uploaded('activities.csv', activities(CVR_A, 1));
    for (const who of [roleCaller('funder'), roleCaller('support_staff'), roleCaller('admin')])
      await expect(queueDeliveryLoad(database, recordingQueue, who, [file])).rejects.toMatchObject({
        code: 'forbidden',
      });
    expect(await countOf(sql`select count(*)::int as n from delivery_loads`)).toBe(before);
  });
});
