import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { JobKindCounts } from './domain/jobs/overview.ts';
import type { DeliveryCounts } from './domain/reporting/delivery/load.ts';
import type { Channel } from './domain/reporting/delivery/submit.ts';

/** What the app tells Prometheus; one registry per app, so tests count only their own requests. */
export interface Metrics {
  registry: Registry;
  /** Seconds per request, labelled with the route pattern (`/klynger/:slug`), never the raw path. */
  requestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Rows of loaded (not rejected) deliveries, per channel and reporting table. */
  deliveryRowsLoaded: Counter<'channel' | 'table'>;
  /** Counts a delivery's rows once it is loaded. */
  recordDeliveryLoaded(channel: Channel, counts: DeliveryCounts): void;
  /** Failed attempts of jobs in this process, per kind (each retry that fails counts again). */
  jobFailures: Counter<'kind'>;
  /** Where the job queue gauges read their counts, in the database, when Prometheus scrapes. */
  countJobsFrom(source: () => Promise<JobKindCounts[]>): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const requestDuration = new Histogram({
    name: 'klynge_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, per route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    // Pages answer in milliseconds; a delivery upload may take minutes.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers: [registry],
  });
  const deliveryRowsLoaded = new Counter({
    name: 'klynge_delivery_rows_loaded_total',
    help: 'Rows of loaded deliveries, per channel (web, api, cli) and table',
    labelNames: ['channel', 'table'] as const,
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: 'klynge_job_failures_total',
    help: 'Failed attempts of jobs run by this instance, per kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  let jobCounts: (() => Promise<JobKindCounts[]>) | undefined;
  const counted = async () => (jobCounts ? await jobCounts() : []);
  new Gauge({
    name: 'klynge_job_queue_depth',
    help: 'Jobs waiting to run (queued or waiting to retry), per kind, across every instance',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      for (const { kind, counts } of await counted()) this.set({ kind }, counts.created + counts.retry);
    },
  });
  new Gauge({
    name: 'klynge_jobs_failed',
    help: 'Jobs that ended failed after their retries and are still kept (7 days), per kind',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      for (const { kind, counts } of await counted()) this.set({ kind }, counts.failed);
    },
  });
  return {
    registry,
    requestDuration,
    deliveryRowsLoaded,
    jobFailures,
    countJobsFrom(source) {
      jobCounts = source;
    },
    recordDeliveryLoaded(channel, counts) {
      for (const [table, rows] of Object.entries(counts)) deliveryRowsLoaded.inc({ channel, table }, rows);
    },
  };
}

/** Adds the process's own figures (memory, CPU, event-loop lag): only for the served registry. */
export function collectProcessMetrics(metrics: Metrics): void {
  collectDefaultMetrics({ register: metrics.registry });
}
