/**
 * Finding a participant whose data a person asks about: a sole proprietorship is a person, found
 * by its CVR number or by a name it was reported under. What is found is what the export and the
 * erasure of that participant act on (export.ts, erasure.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Queryable, queryRows } from '../../db/client.ts';
import { companies, participations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound, parseInput } from '../errors.ts';
import { authorize } from '../policy/policy.ts';

/** A participant as the administrator's search shows it, counted over its participations. */
export interface ParticipantHit {
  cvr: string;
  /** The name of its latest reported participation; null for a company never reported. */
  name: string | null;
  participations: number;
  clusters: number;
  firstYear: number | null;
  lastYear: number | null;
  synthetic: boolean;
}

export const PARTICIPANT_SEARCH_LIMIT = 50;
const CVR = /^\d{8}$/;

/** A CVR number (spaces allowed, as it is often written) or at least two letters of a name. */
export const participantSearch = z.object({ q: z.string().trim().min(2, 'tooShort').max(200, 'tooLong') });

async function participantsWhere(db: Queryable, condition: SQL, limit: number): Promise<ParticipantHit[]> {
  return queryRows<ParticipantHit>(
    db,
    sql`select c.cvr,
               (select p2.name from ${participations} p2 where p2.cvr = c.cvr
                 order by p2.reported_at desc, p2.id desc limit 1) as name,
               count(p.id)::int as participations,
               count(distinct p.cluster_id)::int as clusters,
               min(p.year)::int as "firstYear", max(p.year)::int as "lastYear",
               c.is_synthetic as synthetic
        from ${companies} c left join ${participations} p on p.cvr = c.cvr
        where ${condition}
        group by c.cvr, c.is_synthetic
        order by name nulls last, c.cvr
        limit ${limit}`,
  );
}

/**
 * Participants by CVR number (exactly) or by a name they were reported under (any part of it,
 * in any case): at most PARTICIPANT_SEARCH_LIMIT, and whether there were more; null when
 * nothing was asked yet (an empty query).
 */
export async function searchParticipants(
  db: Queryable,
  caller: Caller,
  query: string,
): Promise<{ hits: ParticipantHit[]; more: boolean } | null> {
  authorize(caller.principal, 'personalData.manage');
  if (query.trim() === '') return null;
  const { q } = parseInput(participantSearch, { q: query });
  const digits = q.replace(/\s+/g, '');
  const condition = CVR.test(digits)
    ? sql`c.cvr = ${digits}`
    : sql`c.cvr in (select cvr from ${participations}
                    where cvr is not null and name ilike ${`%${q.replace(/[\\%_]/g, '\\$&')}%`})`;
  const hits = await participantsWhere(db, condition, PARTICIPANT_SEARCH_LIMIT + 1);
  return { hits: hits.slice(0, PARTICIPANT_SEARCH_LIMIT), more: hits.length > PARTICIPANT_SEARCH_LIMIT };
}

/** One participant by CVR number, for the page that confirms its erasure. */
export async function participantByCvr(db: Queryable, caller: Caller, cvr: string): Promise<ParticipantHit> {
  authorize(caller.principal, 'personalData.manage');
  const [hit] = CVR.test(cvr) ? await participantsWhere(db, sql`c.cvr = ${cvr}`, 1) : [];
  if (!hit) throw notFound('participant');
  return hit;
}
