import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { authorize } from '../policy/policy.ts';
import { isJobKind, JOB_KINDS, JOB_STATES, type JobKind, type JobState } from './kinds.ts';

/** How many jobs of one kind are in each state (pg-boss keeps done and failed jobs 7 days). */
export interface JobKindCounts {
  kind: JobKind;
  counts: Record<JobState, number>;
}

export interface FailedJob {
  id: string;
  kind: JobKind;
  /** The last attempt's error message, as the job's handler threw it. */
  error: string;
  failedAt: Date;
  /** Tries made: the first and every retry. */
  attempts: number;
}

/** The failed jobs an admin sees, newest first; older ones are still counted. */
const FAILED_SHOWN = 50;
const kindsArray = `{${JOB_KINDS.join(',')}}`;

/** Whether pg-boss has made its tables yet: it does when the queue first starts. */
export async function queueInstalled(db: Queryable): Promise<boolean> {
  const [row] = await queryRows<{ installed: boolean }>(
    db,
    sql`select to_regclass('pgboss.job') is not null as installed`,
  );
  return row?.installed === true;
}

/** Jobs per kind and state, counted in the database (admin page and Prometheus gauges). */
export async function countJobs(db: Queryable): Promise<JobKindCounts[]> {
  const result = JOB_KINDS.map((kind) => ({
    kind,
    counts: Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>,
  }));
  if (!(await queueInstalled(db))) return result;
  const rows = await queryRows<{ name: string; state: string; jobs: number }>(
    db,
    sql`select name, state::text as state, count(*)::int as jobs from pgboss.job
        where name = any(${kindsArray}::text[]) group by name, state`,
  );
  for (const r of rows) {
    const entry = result.find((e) => e.kind === r.name);
    if (entry && (JOB_STATES as readonly string[]).includes(r.state))
      entry.counts[r.state as JobState] = r.jobs;
  }
  return result;
}

async function failedJobs(db: Queryable): Promise<FailedJob[]> {
  if (!(await queueInstalled(db))) return [];
  const rows = await queryRows<{
    id: string;
    name: string;
    error: string | null;
    failed_at: string | Date;
    attempts: number;
  }>(
    db,
    sql`select id, name, coalesce(output->>'message', output::text) as error,
               coalesce(completed_on, created_on) as failed_at, retry_count + 1 as attempts
        from pgboss.job where state = 'failed' and name = any(${kindsArray}::text[])
        order by failed_at desc, id limit ${FAILED_SHOWN}`,
  );
  return rows.flatMap((r) =>
    isJobKind(r.name)
      ? [
          {
            id: r.id,
            kind: r.name,
            error: r.error ?? '',
            failedAt: new Date(r.failed_at),
            attempts: r.attempts,
          },
        ]
      : [],
  );
}

/** The job queue as an admin sees it: counts per kind and state, and the latest failed jobs. */
export async function jobsOverview(
  db: Queryable,
  caller: Caller,
): Promise<{ kinds: JobKindCounts[]; failed: FailedJob[] }> {
  authorize(caller.principal, 'jobs.manage');
  const [kinds, failed] = await Promise.all([countJobs(db), failedJobs(db)]);
  return { kinds, failed };
}
