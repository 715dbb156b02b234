import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../../db/client.ts';
import type { PeriodStatus } from './transitions.ts';

/** One change of a period, from the audit log. */
export interface PeriodEvent {
  clusterId: string;
  year: number;
  at: Date;
  actorLabel: string;
  from: PeriodStatus;
  to: PeriodStatus;
  comment: string | null;
}

const entityId = (clusterId: string, year: number) => `${clusterId}/${year}`;

/**
 * The history of periods, oldest change first, read from the audit log the row trigger writes
 * (entity 'reporting_periods', id 'cluster/year'). The time is the row's updated_at, the time the
 * change was made by the app's clock.
 */
export async function periodHistories(
  db: Queryable,
  periods: readonly { clusterId: string; year: number }[],
): Promise<Map<string, PeriodEvent[]>> {
  const out = new Map<string, PeriodEvent[]>();
  if (periods.length === 0) return out;
  const ids = sql.join(
    periods.map((p) => sql`${entityId(p.clusterId, p.year)}`),
    sql`, `,
  );
  const rows = await queryRows<{
    entityId: string;
    at: string | Date;
    actorLabel: string;
    from: PeriodStatus | null;
    to: PeriodStatus;
    comment: string | null;
  }>(
    db,
    sql`select entity_id as "entityId", coalesce((after->>'updated_at')::timestamptz, at) as at,
               actor_label as "actorLabel", before->>'status' as "from", after->>'status' as "to",
               after->>'comment' as comment
        from audit_log
        where entity = 'reporting_periods' and entity_id in (${ids}) and after is not null
          -- Changes of status only: not a period made open, nor a stamp (submitted_at) filled in.
          and coalesce(before->>'status', 'open') <> after->>'status'
        order by id`,
  );
  for (const r of rows) {
    const [clusterId = '', year = ''] = r.entityId.split('/');
    const list = out.get(r.entityId) ?? [];
    list.push({
      clusterId,
      year: Number(year),
      at: new Date(r.at),
      actorLabel: r.actorLabel,
      from: r.from ?? 'open',
      to: r.to,
      comment: r.comment,
    });
    out.set(r.entityId, list);
  }
  return out;
}

export const historyKey = entityId;
