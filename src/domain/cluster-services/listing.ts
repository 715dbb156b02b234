/**
 * The cluster services in the structure Virksomhedsguiden lists services in, field by field as
 * docs/virksomhedsguiden.md maps them. The open API serves it as JSON and CSV, per cluster and
 * national; only clusters that have not ended are listed.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { organisationKey } from '../catalogue/api-queries.ts';
import type { ClusterService } from './queries.ts';
import type { ServiceAudience } from './schemas.ts';

/** A service as the cluster's page shows it, with the cluster's facts the listing adds. */
export interface ServiceListingRow extends ClusterService {
  updatedOn: string;
  clusterSlug: string;
  clusterName: string;
  clusterCvr: string | null;
  clusterWebsite: string | null;
  regionName: string | null;
}

const select = (today: string, where: ReturnType<typeof sql>) => sql`
  select s.id, s.title_da as "titleDa", s.title_en as "titleEn", s.description_da as "descriptionDa",
    s.description_en as "descriptionEn", s.target_group as "targetGroup", s.price_kind as "priceKind",
    s.price_text as "priceText", s.contact_name as "contactName", s.contact_email as "contactEmail", s.url,
    to_char(s.updated_at at time zone 'Europe/Copenhagen', 'YYYY-MM-DD') as "updatedOn",
    o.slug as "clusterSlug", o.name as "clusterName", o.cvr as "clusterCvr", o.website as "clusterWebsite",
    r.name as "regionName"
  from cluster_services s
  join clusters c on c.organisation_id = s.organisation_id
  join organisations o on o.id = c.organisation_id
  left join municipalities m on m.code = o.municipality_code
  left join regions r on r.code = m.region_code
  where (c.ended_on is null or c.ended_on > ${today}::date) and ${where}
  order by o.name, o.id, s.position`;

/** Every listed service of every cluster that has not ended, by cluster name and the cluster's order. */
export function nationalServiceListing(db: Queryable, today: string): Promise<ServiceListingRow[]> {
  return queryRows<ServiceListingRow>(db, select(today, sql`true`));
}

/** One cluster's services by its slug or id; null when there is no such cluster (or it has ended). */
export async function clusterServiceListing(
  db: Queryable,
  key: string,
  today: string,
): Promise<ServiceListingRow[] | null> {
  const [cluster] = await queryRows<{ id: string }>(
    db,
    sql`select o.id from clusters c join organisations o on o.id = c.organisation_id
        where ${organisationKey(key)} and (c.ended_on is null or c.ended_on > ${today}::date)`,
  );
  if (!cluster) return null;
  return queryRows<ServiceListingRow>(db, select(today, sql`o.id = ${cluster.id}::uuid`));
}

/** Virksomhedsguiden's target groups (målgrupper), in its wording. */
export const VIRKSOMHEDSGUIDEN_AUDIENCE: Record<ServiceAudience, string> = {
  all_companies: 'Alle virksomheder',
  startups: 'Iværksættere',
  smes: 'Små og mellemstore virksomheder',
  large_companies: 'Store virksomheder',
  knowledge_institutions: 'Videninstitutioner',
};

/** Fixed for every listing: who provides the service, and that it is offered in Danish. */
export const PROVIDER_TYPE = 'Klyngeorganisation';
export const LISTING_LANGUAGE = 'da';

/** One service as Virksomhedsguiden lists it. */
export interface VirksomhedsguidenListing {
  id: string;
  titel: string;
  beskrivelse: string;
  titelEngelsk: string;
  beskrivelseEngelsk: string;
  maalgruppe: string;
  pris: string;
  gratis: boolean;
  udbyder: {
    navn: string;
    cvr: string | null;
    type: string;
    region: string | null;
    hjemmeside: string | null;
  };
  kontakt: { navn: string; email: string };
  link: string;
  sprog: string;
  sidstOpdateret: string;
}

/** Maps a row to the listing; `clusterPage` gives the address of the cluster's page, the link when the service has none. */
export function toListing(
  r: ServiceListingRow,
  clusterPage: (slug: string) => string,
): VirksomhedsguidenListing {
  return {
    id: `klyngeportalen:${r.id}`,
    titel: r.titleDa,
    beskrivelse: r.descriptionDa,
    titelEngelsk: r.titleEn,
    beskrivelseEngelsk: r.descriptionEn,
    maalgruppe: VIRKSOMHEDSGUIDEN_AUDIENCE[r.targetGroup],
    pris: r.priceKind === 'free' ? 'Gratis' : r.priceText,
    gratis: r.priceKind === 'free',
    udbyder: {
      navn: r.clusterName,
      cvr: r.clusterCvr,
      type: PROVIDER_TYPE,
      region: r.regionName,
      hjemmeside: r.clusterWebsite,
    },
    kontakt: { navn: r.contactName, email: r.contactEmail },
    link: r.url ?? clusterPage(r.clusterSlug),
    sprog: LISTING_LANGUAGE,
    sidstOpdateret: r.updatedOn,
  };
}

/** The CSV's columns: the listing flattened, provider and contact fields prefixed. */
export const LISTING_CSV_COLUMNS = [
  'id',
  'titel',
  'beskrivelse',
  'titel_engelsk',
  'beskrivelse_engelsk',
  'maalgruppe',
  'pris',
  'gratis',
  'udbyder_navn',
  'udbyder_cvr',
  'udbyder_type',
  'udbyder_region',
  'udbyder_hjemmeside',
  'kontakt_navn',
  'kontakt_email',
  'link',
  'sprog',
  'sidst_opdateret',
] as const;

export function listingCsvRow(l: VirksomhedsguidenListing): (string | null)[] {
  return [
    l.id,
    l.titel,
    l.beskrivelse,
    l.titelEngelsk,
    l.beskrivelseEngelsk,
    l.maalgruppe,
    l.pris,
    l.gratis ? 'ja' : 'nej',
    l.udbyder.navn,
    l.udbyder.cvr,
    l.udbyder.type,
    l.udbyder.region,
    l.udbyder.hjemmeside,
    l.kontakt.navn,
    l.kontakt.email,
    l.link,
    l.sprog,
    l.sidstOpdateret,
  ];
}
