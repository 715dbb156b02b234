import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { deliveries } from './deliveries.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A delivery uploaded through the web and loaded by a job of the queue (src/domain/reporting/
 * delivery/jobs.ts): its state and progress, read by the progress page on any instance. Not
 * audited: it is the queue's bookkeeping of an upload, like the job queue itself; the delivery
 * it loads and its log entry are the audited data.
 */
export const deliveryLoads = pgTable(
  'delivery_loads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The user who uploaded it: the load runs with their rights, and only they see its progress. */
    startedBy: uuid('started_by').notNull(),
    /** [{ name, bytes }] in the order uploaded. */
    files: jsonb('files').notNull(),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    state: text('state', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    phase: text('phase', { enum: ['reading', 'checking', 'writing'] })
      .notNull()
      .default('reading'),
    file: text('file'),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    /** Which run of the job owns the load: only the latest may finish it (a re-run after a restart). */
    attempt: integer('attempt').notNull().default(0),
    deliveryId: uuid('delivery_id').references(() => deliveries.id),
    /** Why it failed, for the log and operators (the uploader sees a plain message). */
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('delivery_loads_started_by_idx').on(t.startedBy)],
);

/**
 * The uploaded files of a load, in pieces of about 1 MiB, kept until the load has succeeded (a
 * failed load keeps them). In the database rather than the data directory, so every instance
 * reads them without a shared disk and backups hold them with their queued job.
 */
export const deliveryLoadChunks = pgTable(
  'delivery_load_chunks',
  {
    loadId: uuid('load_id')
      .notNull()
      .references(() => deliveryLoads.id, { onDelete: 'cascade' }),
    fileIndex: integer('file_index').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.loadId, t.fileIndex, t.seq] })],
);
