import { asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { clusterServices, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { authorizeProfileEdit, clustersWorkedFor } from '../catalogue/policy.ts';
import { clusterBySlug } from '../catalogue/queries.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import type { ServiceAudience, ServicePrice } from './schemas.ts';

export interface ClusterService {
  id: string;
  titleDa: string;
  titleEn: string;
  descriptionDa: string;
  descriptionEn: string;
  targetGroup: ServiceAudience;
  priceKind: ServicePrice;
  priceText: string;
  contactName: string;
  contactEmail: string;
  url: string | null;
}

const columns = {
  id: clusterServices.id,
  titleDa: clusterServices.titleDa,
  titleEn: clusterServices.titleEn,
  descriptionDa: clusterServices.descriptionDa,
  descriptionEn: clusterServices.descriptionEn,
  targetGroup: clusterServices.targetGroup,
  priceKind: clusterServices.priceKind,
  priceText: clusterServices.priceText,
  contactName: clusterServices.contactName,
  contactEmail: clusterServices.contactEmail,
  url: clusterServices.url,
};

/** A cluster's services in the order it listed them; public, shown on the cluster's page. */
export function servicesOfCluster(db: Queryable, organisationId: string): Promise<ClusterService[]> {
  return db
    .select(columns)
    .from(clusterServices)
    .where(eq(clusterServices.organisationId, organisationId))
    .orderBy(asc(clusterServices.position));
}

export interface ServicesForEditing {
  cluster: { organisationId: string; slug: string; name: string };
  services: ClusterService[];
}

/** The cluster in the path and its services, for a caller who may edit its profile (404, then 403). */
export async function servicesForEditing(
  db: Queryable,
  caller: Caller,
  slug: string,
  today: string,
): Promise<ServicesForEditing> {
  const cluster = await clusterBySlug(db, slug, today);
  if (!cluster) throw notFound('cluster');
  authorizeProfileEdit(caller, cluster.organisationId);
  return {
    cluster: { organisationId: cluster.organisationId, slug: cluster.slug, name: cluster.name },
    services: await servicesOfCluster(db, cluster.organisationId),
  };
}

/** One service of the cluster in the path, to edit. */
export async function serviceForEditing(
  db: Queryable,
  caller: Caller,
  slug: string,
  serviceId: string,
  today: string,
): Promise<ServicesForEditing['cluster'] & { service: ClusterService }> {
  const { cluster, services } = await servicesForEditing(db, caller, slug, today);
  const service = isUuid(serviceId) ? services.find((s) => s.id === serviceId) : undefined;
  if (!service) throw notFound('service');
  return { ...cluster, service };
}

/** The clusters the caller works for, each with its services, for the workspace's overview. */
export async function servicesOfOwnClusters(
  db: Queryable,
  caller: Caller,
): Promise<(ServicesForEditing['cluster'] & { services: ClusterService[] })[]> {
  const own = clustersWorkedFor(caller.principal);
  if (own.length === 0) return [];
  const clusters = await db
    .select({ organisationId: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, own))
    .orderBy(asc(organisations.name));
  return Promise.all(
    clusters.map(async (c) => ({ ...c, services: await servicesOfCluster(db, c.organisationId) })),
  );
}
