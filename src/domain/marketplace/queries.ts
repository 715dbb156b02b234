/**
 * The marketplace as the public sees it: offers and requests valid today (an expired or future
 * item is on no public list), filtered and searched in one SQL statement per page.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { prefixMatch } from '../search/prefix-match.ts';
import { publishingOrganisations } from './policy.ts';
import {
  MARKETPLACE_PAGE_SIZE,
  type MarketplaceDirection,
  type MarketplaceQuery,
  type MarketplaceType,
} from './schemas.ts';

export interface MarketplaceItem {
  id: string;
  direction: MarketplaceDirection;
  type: MarketplaceType;
  title: string;
  description: string;
  themes: string[];
  technologies: string[];
  validFrom: string;
  validUntil: string;
  owner: {
    id: string;
    name: string;
    slug: string;
    kind: 'company' | 'cluster';
    country: string;
    regionCode: number | null;
  };
}

interface ItemRow extends Omit<MarketplaceItem, 'owner'> {
  ownerId: string;
  ownerName: string;
  ownerSlug: string;
  ownerKind: 'company' | 'cluster';
  country: string;
  regionCode: number | null;
}

const toItem = ({ ownerId, ownerName, ownerSlug, ownerKind, country, regionCode, ...item }: ItemRow) => ({
  ...item,
  owner: { id: ownerId, name: ownerName, slug: ownerSlug, kind: ownerKind, country, regionCode },
});

/** Items with their owner; `i` the item, `o` the owner, `country`/`regionCode` the owner's. */
const selectItems = (where: SQL) => sql`
  select i.id, i.direction, i.type, i.title, i.description, i.themes, i.technologies,
         i.valid_from::text as "validFrom", i.valid_until::text as "validUntil",
         o.id as "ownerId", o.name as "ownerName", o.slug as "ownerSlug",
         case when o.kind = 'cluster_organisation' then 'cluster' else 'company' end as "ownerKind",
         coalesce(p.country, 'DK') as country, m.region_code::int as "regionCode"
  from marketplace_items i
  join organisations o on o.id = i.organisation_id
  left join company_profiles p on p.organisation_id = o.id
  left join municipalities m on m.code = o.municipality_code
  where ${where}`;

/** Public today: within its validity and not withdrawn by its owner. */
const validOn = (today: string) =>
  sql`i.withdrawn_at is null and i.valid_from <= ${today}::date and i.valid_until >= ${today}::date`;

function filters(q: MarketplaceQuery, today: string): SQL {
  const text = prefixMatch(
    sql`i.title || ' ' || i.description || ' ' || array_to_string(i.technologies, ' ') || ' ' || o.name`,
    q.q,
  );
  const conditions: (SQL | null | undefined)[] = [
    validOn(today),
    q.direction ? sql`i.direction = ${q.direction}` : null,
    q.type ? sql`i.type = ${q.type}` : null,
    q.theme ? sql`${q.theme} = any(i.themes)` : null,
    q.technology ? sql`${q.technology} = any(i.technologies)` : null,
    q.country ? sql`coalesce(p.country, 'DK') = ${q.country}` : null,
    q.region ? sql`m.region_code = ${q.region}` : null,
    q.cluster ? sql`o.kind = 'cluster_organisation' and o.slug = ${q.cluster}` : null,
    q.ownerKind === 'cluster' ? sql`o.kind = 'cluster_organisation'` : null,
    q.ownerKind === 'company' ? sql`o.kind <> 'cluster_organisation'` : null,
    text,
  ];
  return sql.join(
    conditions.filter((c): c is SQL => Boolean(c)),
    sql` and `,
  );
}

/** One page of the items valid today that match, newest first, and how many match in all. */
export async function marketplaceList(
  db: Queryable,
  q: MarketplaceQuery,
  today: string,
): Promise<{ items: MarketplaceItem[]; total: number }> {
  const where = filters(q, today);
  const rows = await queryRows<ItemRow>(
    db,
    sql`${selectItems(where)} order by i.valid_from desc, i.created_at desc, i.id
        limit ${MARKETPLACE_PAGE_SIZE} offset ${(q.page - 1) * MARKETPLACE_PAGE_SIZE}`,
  );
  const [counted] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from marketplace_items i
        join organisations o on o.id = i.organisation_id
        left join company_profiles p on p.organisation_id = o.id
        left join municipalities m on m.code = o.municipality_code
        where ${where}`,
  );
  return { items: rows.map(toItem), total: counted?.total ?? 0 };
}

/** One item valid today; an expired, future or unknown one is not found. */
export async function marketplaceItem(db: Queryable, id: string, today: string): Promise<MarketplaceItem> {
  if (!isUuid(id)) throw notFound('marketplace item');
  const [row] = await queryRows<ItemRow>(db, selectItems(sql`i.id = ${id} and ${validOn(today)}`));
  if (!row) throw notFound('marketplace item');
  return toItem(row);
}

/** The items of the organisations the caller publishes for, expired ones too (not withdrawn ones), newest first. */
export async function ownItems(db: Queryable, caller: Caller): Promise<MarketplaceItem[]> {
  const ids = publishingOrganisations(caller.principal);
  if (ids.length === 0) return [];
  const rows = await queryRows<ItemRow>(
    db,
    sql`${selectItems(sql`i.organisation_id = any(${uuidArray(ids)}) and i.withdrawn_at is null`)}
        order by i.created_at desc`,
  );
  return rows.map(toItem);
}

/**
 * An item its publishers may edit: any not withdrawn, expired or not yet valid ones too (so that
 * a validity can be extended). Others get forbidden; a withdrawn or unknown item is not found.
 */
export async function editableItem(db: Queryable, caller: Caller, id: string): Promise<MarketplaceItem> {
  if (!isUuid(id)) throw notFound('marketplace item');
  const [row] = await queryRows<ItemRow>(db, selectItems(sql`i.id = ${id} and i.withdrawn_at is null`));
  if (!row) throw notFound('marketplace item');
  authorize(caller.principal, 'marketplace.publish', { organisationId: row.ownerId });
  return toItem(row);
}

/** The clusters with items valid today, for the list's cluster filter. */
export function clustersOnMarketplace(db: Queryable, today: string) {
  return queryRows<{ slug: string; name: string }>(
    db,
    sql`select distinct o.slug, o.name from marketplace_items i join organisations o on o.id = i.organisation_id
        where o.kind = 'cluster_organisation' and ${validOn(today)} order by o.name`,
  );
}
