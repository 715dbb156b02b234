import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export interface ProgrammeFigures {
  clusters: number;
  nationalClusters: number;
  funders: number;
  activities: number;
  distinctCompanies: number;
  fromYear: number;
  toYear: number;
}

/**
 * Headline figures for the front page, counted in SQL. Companies are distinct CVRs of company
 * participants over the period, never a sum over clusters.
 */
export async function programmeFigures(
  db: Queryable,
  fromYear: number,
  toYear: number,
): Promise<ProgrammeFigures> {
  const [row] = await queryRows<Omit<ProgrammeFigures, 'fromYear' | 'toYear'>>(
    db,
    sql`
    select
      (select count(*)::int from clusters) as "clusters",
      (select count(*)::int from clusters where national_from <= ${toYear} and national_to >= ${fromYear}) as "nationalClusters",
      (select count(*)::int from organisations where kind = 'funder') as "funders",
      (select count(*)::int from activities where year between ${fromYear} and ${toYear}) as "activities",
      (select count(distinct cvr)::int from participations
        where year between ${fromYear} and ${toYear} and participant_type = 'company') as "distinctCompanies"`,
  );
  if (!row) throw new Error('figures query returned no row');
  return { ...row, fromYear, toYear };
}

export interface NationalClusterRow {
  name: string;
  slug: string;
  themes: string[];
  seat: string | null;
  endedOn: string | null;
  isDemo: boolean;
}

export async function nationalClusters(db: Queryable, year: number): Promise<NationalClusterRow[]> {
  return queryRows<NationalClusterRow>(
    db,
    sql`
    select o.name, o.slug, c.themes, m.name as "seat", c.ended_on::text as "endedOn", o.is_demo as "isDemo"
    from clusters c
    join organisations o on o.id = c.organisation_id
    left join municipalities m on m.code = o.municipality_code
    where c.national_from <= ${year} and c.national_to >= ${year}
    order by o.name`,
  );
}
