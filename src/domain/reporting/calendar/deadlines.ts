/**
 * The reporting calendar's deadlines: a funder's rule says on which day and month of the year
 * after a reporting year its clusters' reports are due; a funder without a rule has the default,
 * 1 March. A cluster funded by several funders in a year has the earliest of their deadlines.
 * Admins edit the rules (policy `reportingDeadlines.manage`).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withActor } from '../../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../../db/client.ts';
import type { Caller } from '../../caller.ts';
import { notFound, parseInput } from '../../errors.ts';
import { authorize } from '../../policy/policy.ts';

/** The deadline when a funder has no rule: 1 March the year after. */
export const DEFAULT_DEADLINE = { month: 3, day: 1 } as const;

/**
 * SQL of every (cluster_id, year, deadline) with a grant: the year's funding makes the report due.
 * `deadline` is a date.
 */
export const FUNDED_YEAR_DEADLINES = sql`
  select g.cluster_id, g.year,
         min(make_date(g.year + 1, coalesce(r.month, ${DEFAULT_DEADLINE.month})::int,
                       coalesce(r.day, ${DEFAULT_DEADLINE.day})::int)) as deadline
  from funding_grants g left join reporting_deadline_rules r on r.funder_id = g.funder_id
  group by g.cluster_id, g.year`;

export interface DeadlineRule {
  funderId: string;
  funderName: string;
  month: number;
  day: number;
  /** Whether the funder has its own rule (else the default applies). */
  own: boolean;
}

/** Every funder with its rule (its own or the default), by name. */
export async function deadlineRules(db: Queryable, caller: Caller): Promise<DeadlineRule[]> {
  authorize(caller.principal, 'reportingDeadlines.manage');
  return queryRows<DeadlineRule>(
    db,
    sql`select o.id as "funderId", o.name as "funderName",
               coalesce(r.month, ${DEFAULT_DEADLINE.month})::int as month,
               coalesce(r.day, ${DEFAULT_DEADLINE.day})::int as day, r.funder_id is not null as own
        from organisations o left join reporting_deadline_rules r on r.funder_id = o.id
        where o.kind = 'funder'
        order by o.name, o.id`,
  );
}

/** A date that exists every year: 29 February is refused, like the table's check. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ruleSchema = z
  .object({
    funderId: z.string().uuid('invalid'),
    month: z.coerce.number().int('invalid').min(1, 'invalid').max(12, 'invalid'),
    day: z.coerce.number().int('invalid').min(1, 'invalid').max(31, 'invalid'),
  })
  .refine((r) => r.day <= (DAYS_IN_MONTH[r.month - 1] ?? 0), { path: ['day'], message: 'noSuchDay' });

/** Sets a funder's deadline rule (admins). Refusals: forbidden, validation, not_found (no such funder). */
export async function setDeadlineRule(
  db: Db,
  caller: Caller,
  input: { funderId: unknown; month: unknown; day: unknown },
): Promise<void> {
  authorize(caller.principal, 'reportingDeadlines.manage');
  const rule = parseInput(ruleSchema, input);
  await withActor(db, caller.actor, async (tx) => {
    const [funder] = await queryRows<{ id: string }>(
      tx,
      sql`select id from organisations where id = ${rule.funderId} and kind = 'funder'`,
    );
    if (!funder) throw notFound('funder');
    await tx.execute(
      sql`insert into reporting_deadline_rules (funder_id, month, day, updated_by, updated_at)
          values (${rule.funderId}, ${rule.month}, ${rule.day}, ${caller.actor.userId}, now())
          on conflict (funder_id) do update set month = excluded.month, day = excluded.day,
            updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    );
  });
}
