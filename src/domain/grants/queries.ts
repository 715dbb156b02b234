/** What the grants register's pages show: a funder's portfolio and a cluster's co-financing. */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize, can } from '../policy/policy.ts';
import type { FunderLevel, GrantSource, League } from './league-rule.ts';
import { followsAsFunder } from './policy.ts';

export interface Funder {
  id: string;
  name: string;
  slug: string;
  level: FunderLevel;
}

/** The funders whose grants the caller keeps: every funder for admins, their own for a funder's staff. */
export async function fundersKeptBy(db: Queryable, caller: Caller): Promise<Funder[]> {
  authorize(caller.principal, 'funding.view');
  const funders = await queryRows<Funder>(
    db,
    sql`select id, name, slug, funder_level as level from organisations
        where kind = 'funder' and ended_on is null order by name`,
  );
  return funders.filter((f) => can(caller.principal, 'grants.manage', { organisationId: f.id }));
}

export interface PortfolioGrant {
  id: string;
  clusterId: string;
  clusterName: string;
  clusterSlug: string;
  league: League;
  year: number;
  amountDkk: number;
  source: GrantSource;
  responsible: boolean;
  overrideReason: string | null;
}

export interface Portfolio {
  funder: Funder;
  grants: PortfolioGrant[];
  /** The funder's total per year, newest first. */
  totals: { year: number; amountDkk: number; clusters: number }[];
  /** The clusters a grant can go to: those not ended, with their league. */
  clusters: { id: string; name: string; league: League }[];
}

/** One funder's grants, newest year first, for the caller who keeps them. */
export async function funderPortfolio(db: Queryable, caller: Caller, funderSlug: string): Promise<Portfolio> {
  const [funder] = await queryRows<Funder>(
    db,
    sql`select id, name, slug, funder_level as level from organisations where slug = ${funderSlug} and kind = 'funder'`,
  );
  if (!funder) throw notFound('funder');
  authorize(caller.principal, 'grants.manage', { organisationId: funder.id });
  const [grants, totals, clusters] = await Promise.all([
    queryRows<PortfolioGrant>(
      db,
      sql`select g.id, g.cluster_id as "clusterId", o.name as "clusterName", o.slug as "clusterSlug",
                 c.league, g.year, g.amount_dkk::float8 as "amountDkk", g.source, g.responsible,
                 g.responsible_override_reason as "overrideReason"
          from funding_grants g
          join organisations o on o.id = g.cluster_id
          join clusters c on c.organisation_id = o.id
          where g.funder_id = ${funder.id}
          order by g.year desc, o.name`,
    ),
    queryRows<Portfolio['totals'][number]>(
      db,
      sql`select year, sum(amount_dkk)::float8 as "amountDkk", count(*)::int as clusters
          from funding_grants where funder_id = ${funder.id} group by year order by year desc`,
    ),
    queryRows<Portfolio['clusters'][number]>(
      db,
      sql`select o.id, o.name, c.league from organisations o join clusters c on c.organisation_id = o.id
          where o.ended_on is null and c.ended_on is null order by o.name`,
    ),
  ]);
  return { funder, grants, totals, clusters };
}

export interface CoFinancingYear {
  year: number;
  totalDkk: number;
  funders: {
    name: string;
    slug: string;
    amountDkk: number;
    /** The funder's share of the cluster's year, in per cent with one decimal. */
    sharePct: number;
    source: GrantSource;
    responsible: boolean;
    overrideReason: string | null;
    /** The grant, when the caller may follow it up (agreement, payments): the year's funders and admins. */
    grantId: string | null;
  }[];
}

/**
 * A cluster's co-financing: per year, each funder's grant and its share of the year's total,
 * computed in SQL. Funders and admins see every cluster's (as on the coordination pages).
 */
export async function clusterCoFinancing(
  db: Queryable,
  caller: Caller,
  clusterSlug: string,
): Promise<{ cluster: { name: string; slug: string; league: League }; years: CoFinancingYear[] }> {
  authorize(caller.principal, 'coordination.view');
  const [cluster] = await queryRows<{ id: string; name: string; slug: string; league: League }>(
    db,
    sql`select o.id, o.name, o.slug, c.league from organisations o join clusters c on c.organisation_id = o.id
        where o.slug = ${clusterSlug}`,
  );
  if (!cluster) throw notFound('cluster');
  const years = await queryRows<CoFinancingYear>(
    db,
    sql`select g.year, sum(g.amount_dkk)::float8 as "totalDkk",
               json_agg(json_build_object(
                 'grantId', g.id, 'funderId', g.funder_id, 'name', f.name, 'slug', f.slug, 'amountDkk', g.amount_dkk, 'source', g.source,
                 'responsible', g.responsible, 'overrideReason', g.responsible_override_reason,
                 'sharePct', round(g.amount_dkk * 100.0 / nullif(t.total, 0), 1))
                 order by g.responsible desc, g.amount_dkk desc, f.name) as funders
        from funding_grants g
        join organisations f on f.id = g.funder_id
        join (select year, sum(amount_dkk) as total from funding_grants
              where cluster_id = ${cluster.id} group by year) t on t.year = g.year
        where g.cluster_id = ${cluster.id}
        group by g.year order by g.year desc`,
  );
  return {
    cluster: { name: cluster.name, slug: cluster.slug, league: cluster.league },
    years: years.map((y) => {
      const funders = y.funders as (CoFinancingYear['funders'][number] & { funderId: string })[];
      const fundedBy = funders.map((f) => f.funderId);
      return {
        ...y,
        funders: funders.map(({ funderId, ...f }) => ({
          ...f,
          amountDkk: Number(f.amountDkk),
          sharePct: Number(f.sharePct ?? 0),
          grantId: followsAsFunder(caller.principal, { funderId, clusterId: cluster.id, fundedBy })
            ? f.grantId
            : null,
        })),
      };
    }),
  };
}
