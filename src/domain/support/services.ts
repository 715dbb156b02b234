/**
 * The catalogue of the national support function: services with their target groups, form,
 * price and language. Everybody reads the services on offer; the support function's staff create,
 * edit and retire them (policy `support.services.manage`). A retired service keeps its page for
 * old links and registrations but leaves the list and the search.
 */
import { and, arrayContains, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import { organisations, supportServices } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { insertWithSlug } from '../content/slug.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { requireServiceManager } from './policy.ts';
import {
  type Payment,
  type ServiceFilter,
  type ServiceForm,
  type ServiceLanguage,
  serviceInput,
  type TargetGroup,
} from './schemas.ts';

export interface Service {
  id: string;
  slug: string;
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  descriptionDa: string;
  descriptionEn: string;
  targetGroups: TargetGroup[];
  form: ServiceForm;
  payment: Payment;
  priceDkk: number | null;
  capacity: number | null;
  language: ServiceLanguage;
  retiredAt: Date | null;
}

const columns = {
  id: supportServices.id,
  slug: supportServices.slug,
  titleDa: supportServices.titleDa,
  titleEn: supportServices.titleEn,
  summaryDa: supportServices.summaryDa,
  summaryEn: supportServices.summaryEn,
  descriptionDa: supportServices.descriptionDa,
  descriptionEn: supportServices.descriptionEn,
  targetGroups: supportServices.targetGroups,
  form: supportServices.form,
  payment: supportServices.payment,
  priceDkk: supportServices.priceDkk,
  capacity: supportServices.capacity,
  language: supportServices.language,
  retiredAt: supportServices.retiredAt,
};

/** The services on offer, by Danish title, narrowed by the list's filters. */
export async function servicesOnOffer(db: Queryable, filter: ServiceFilter): Promise<Service[]> {
  const conditions: SQL[] = [isNull(supportServices.retiredAt)];
  if (filter.group) conditions.push(arrayContains(supportServices.targetGroups, [filter.group]));
  if (filter.form) conditions.push(eq(supportServices.form, filter.form));
  if (filter.language) conditions.push(eq(supportServices.language, filter.language));
  return db
    .select(columns)
    .from(supportServices)
    .where(and(...conditions))
    .orderBy(asc(supportServices.titleDa));
}

/** One service's public page, retired or not. */
export async function serviceBySlug(db: Queryable, slug: string): Promise<Service> {
  const [row] = await db.select(columns).from(supportServices).where(eq(supportServices.slug, slug));
  if (!row) throw notFound('service');
  return row;
}

/** Every service, retired ones last, for those who keep the catalogue. */
export async function servicesToManage(db: Queryable, caller: Caller): Promise<Service[]> {
  requireServiceManager(caller);
  return db
    .select(columns)
    .from(supportServices)
    .orderBy(sql`${supportServices.retiredAt} is not null`, asc(supportServices.titleDa));
}

/** One service, to edit. */
export async function serviceToEdit(db: Queryable, caller: Caller, slug: string): Promise<Service> {
  requireServiceManager(caller);
  return serviceBySlug(db, slug);
}

/**
 * The support function organisation that offers a new service or publishes knowledge: the
 * caller's own, else (an admin) the national support function.
 */
export async function offeringOrganisation(tx: Tx, caller: Caller): Promise<string> {
  const own = caller.principal.memberships.map((m) => m.organisationId);
  const [row] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'support_function'), isNull(organisations.endedOn)))
    .orderBy(sql`${organisations.id} = any(${uuidArray(own)}) desc`, asc(organisations.name))
    .limit(1);
  if (!row) throw new AppError('conflict', 'no support function organisation');
  return row.id;
}

export async function createService(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
): Promise<{ slug: string }> {
  requireServiceManager(caller);
  const data = parseInput(serviceInput, input);
  return insertWithSlug(db, caller.actor, supportServices, data.titleDa, async (tx, slug) =>
    tx.insert(supportServices).values({
      ...data,
      slug,
      organisationId: await offeringOrganisation(tx, caller),
      createdAt: now,
      updatedAt: now,
    }),
  );
}

export async function updateService(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<void> {
  requireServiceManager(caller);
  const data = parseInput(serviceInput, input);
  const updated = await withActor(db, caller.actor, (tx) =>
    tx
      .update(supportServices)
      .set({ ...data, updatedAt: now })
      .where(eq(supportServices.slug, slug))
      .returning({ id: supportServices.id }),
  );
  if (updated.length === 0) throw notFound('service');
}

/** Retires a service (it leaves the list and the search) or offers it again. */
export async function setServiceRetired(
  db: Db,
  caller: Caller,
  slug: string,
  retired: boolean,
  now: Date,
): Promise<void> {
  requireServiceManager(caller);
  const updated = await withActor(db, caller.actor, (tx) =>
    tx
      .update(supportServices)
      .set({ retiredAt: retired ? now : null, updatedAt: now })
      .where(eq(supportServices.slug, slug))
      .returning({ id: supportServices.id }),
  );
  if (updated.length === 0) throw notFound('service');
}
