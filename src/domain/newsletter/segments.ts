/**
 * The segments of the newsletter: which confirmed subscribers an issue goes to. Everyone in a
 * segment asked for the newsletter (a confirmed sign-up or a user who subscribed from their
 * account); the segment narrows by what the portal knows of them:
 *
 * - role, league, region: a subscribed user holding the role, or working for a cluster of the
 *   league, or for an organisation seated in the region (its municipality's region);
 * - theme: subscribers who chose the theme among their interests;
 * - companies: subscribed company users; external: subscribers without an account.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { NewsletterSegment } from './schemas.ts';

export interface Segment {
  segment: NewsletterSegment;
  segmentValue: string | null;
}

function segmentCondition({ segment, segmentValue: value }: Segment): SQL {
  const membership = (where: SQL) =>
    sql`exists (select 1 from memberships m where m.user_id = s.user_id and ${where})`;
  switch (segment) {
    case 'all':
      return sql`true`;
    case 'role':
      return membership(sql`m.role::text = ${value}`);
    case 'league':
      return membership(
        sql`exists (select 1 from clusters c where c.organisation_id = m.organisation_id and c.league::text = ${value})`,
      );
    case 'region':
      return membership(
        sql`exists (select 1 from organisations o join municipalities mu on mu.code = o.municipality_code
                    where o.id = m.organisation_id and mu.region_code::text = ${value})`,
      );
    case 'theme':
      return sql`${value} = any(s.interests)`;
    case 'companies':
      return membership(sql`m.role = 'company_user'`);
    case 'external':
      return sql`s.user_id is null`;
  }
}

/** The subscribers who receive mail now: confirmed, not unsubscribed, their account (if any) in use. */
export const receivingSubscriber = sql`s.confirmed_at is not null and s.unsubscribed_at is null
  and not exists (select 1 from users u where u.id = s.user_id and (u.disabled_at is not null or u.erased_at is not null))`;

/** The condition on `newsletter_subscribers s` of the segment's recipients. */
export const recipientsOf = (segment: Segment): SQL =>
  sql`${receivingSubscriber} and ${segmentCondition(segment)}`;

/** How many subscribers the segment reaches now, counted in SQL. */
export async function countRecipients(db: Queryable, segment: Segment): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from newsletter_subscribers s where ${recipientsOf(segment)}`,
  );
  return row?.n ?? 0;
}
